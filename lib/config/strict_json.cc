#include "config/strict_json.h"

#include <set>
#include <string>
#include <vector>

#include "config/json_field.h"

namespace tamis::config_detail {
namespace {

// Where the parser is: one frame per open object or array, enough to spell the JSON pointer of a
// duplicate key and to know the keys already seen at each level.
class KeyTracker {
 public:
  bool on_event(nlohmann::json::parse_event_t event, const nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
      case Event::object_start:
        open_frame(/*is_array=*/false);
        break;
      case Event::array_start:
        open_frame(/*is_array=*/true);
        break;
      case Event::key: {
        Frame& frame = frames_.back();
        const auto& key = parsed.get_ref<const std::string&>();
        frame.current_key = key;
        if (!frame.keys.insert(key).second) {
          throw ConfigProblem{pointer() + ": duplicate key \"" + key +
                              "\" (a repeated key would silently replace the first value)"};
        }
        break;
      }
      case Event::object_end:
      case Event::array_end:
        frames_.pop_back();
        element_done();
        break;
      case Event::value:
        element_done();
        break;
    }
    return true;  // keep every value: the callback only watches
  }

 private:
  struct Frame {
    bool is_array = false;
    std::size_t index = 0;  // arrays: elements completed so far, i.e. the current element's index
    std::string current_key;
    std::set<std::string> keys;
  };

  void open_frame(bool is_array) {
    frames_.emplace_back();
    frames_.back().is_array = is_array;
  }

  void element_done() {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
  }

  std::string pointer() const {
    std::string out;
    for (const auto& frame : frames_) {
      out += '/';
      out += frame.is_array ? std::to_string(frame.index) : pointer_token(frame.current_key);
    }
    return out;
  }

  std::vector<Frame> frames_;
};

}  // namespace

nlohmann::json parse_strict_json(std::string_view text) {
  KeyTracker tracker;
  return nlohmann::json::parse(
      text.begin(), text.end(),
      [&tracker](int /*depth*/, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        return tracker.on_event(event, parsed);
      });
}

}  // namespace tamis::config_detail
