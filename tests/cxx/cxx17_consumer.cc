// tamis.hpp from C++17 (no std::span): the string_view, pointer-and-size and istream overloads.
// Exit code 0 when every check passes; each failure prints what went wrong.
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <tamis/tamis.hpp>

#if TAMIS_HPP_HAS_SPAN
#error "this consumer must be compiled as C++17"
#endif

namespace {

int failures = 0;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "cxx17_consumer: %s\n", what);
    ++failures;
  }
}

bool has(std::string_view text, std::string_view needle) {
  return text.find(needle) != std::string_view::npos;
}

}  // namespace

int main() {
  constexpr std::string_view kText = "Name: Jane Doe\nSSN: 536-22-4871\n";
  try {
    const tamis::Engine engine(R"({"managedDataIdentifierSelector": "RECOMMENDED"})");
    tamis::Scanner scanner = engine.scanner();

    int occurrences = 0;
    const tamis::ScanOptions options{[&](const tamis::Occurrence& o) {
      occurrences += o.type == "USA_SOCIAL_SECURITY_NUMBER";
      return true;
    }};
    const tamis::Results text = scanner.scan(kText, "a.txt", options);
    check(text.size() == 1 && has(text.json(0), "USA_SOCIAL_SECURITY_NUMBER"), "scan(string_view)");
    check(occurrences == 1, "callback");

    const tamis::Results raw = scanner.scan(kText.data(), kText.size(), "b.txt");
    check(raw.size() == 1 && has(raw.jsonl(), "b.txt"), "scan(pointer, size)");

    std::istringstream in{std::string(kText)};
    check(has(scanner.scan_reader(in, "c.txt").json(0), "USA_SOCIAL_SECURITY_NUMBER"),
          "scan_reader(istream)");

    tamis::Stream stream = scanner.stream("d.txt");
    check(stream.feed(kText), "feed");
    check(has(stream.finish().json(0), "USA_SOCIAL_SECURITY_NUMBER"), "stream");

    try {
      tamis::Engine broken("{");
      check(false, "a broken configuration built an engine");
    } catch (const tamis::ConfigError& e) {
      check(e.status() == TAMIS_E_CONFIG, "ConfigError status");
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cxx17_consumer: unexpected exception: %s\n", e.what());
    return 1;
  }
  return failures == 0 ? 0 : 1;
}
