#include "config/word_list.h"

#include <cerrno>
#include <cstdio>
#include <memory>
#include <system_error>

#include "config/utf8_length.h"

namespace tamis::config_detail {
namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// "<path>": <problem>, built by appending: GCC 12 at -O3 warns falsely (-Wrestrict) on chains of
// `"literal" + std::string`.
std::string about_file(const std::filesystem::path& path, std::string_view problem) {
  std::string out;
  out += '"';
  out += path.string();
  out += "\": ";
  out += problem;
  return out;
}

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

std::optional<std::string> check_entry(std::string_view entry) {
  const auto chars = utf8_length(entry);
  if (!chars) return "entry is not valid UTF-8";
  if (*chars < kMinEntryChars || *chars > kMaxEntryChars) {
    return "entry must be 1-90 characters, got " + std::to_string(*chars);
  }
  return std::nullopt;
}

Result<std::vector<std::string>> split_word_list(std::string_view content) {
  std::vector<std::string> entries;
  std::size_t line_number = 0;
  std::size_t begin = 0;
  while (begin < content.size()) {
    auto end = content.find('\n', begin);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(begin, end - begin);
    begin = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (is_blank(line)) continue;
    if (auto problem = check_entry(line)) {
      return Error{"line " + std::to_string(line_number) + ": " + *problem};
    }
    if (entries.size() == kMaxEntries) {
      return Error{"more than 100000 entries (line " + std::to_string(line_number) + ")"};
    }
    entries.emplace_back(line);
  }
  if (entries.empty()) return Error{"the list has no entries"};
  return entries;
}

Result<std::vector<std::string>> read_word_list(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Error{"cannot read " + about_file(path, "it is a directory")};
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Error{"cannot read " + about_file(path, ec.message())};
  if (size > kMaxWordListBytes) {
    return Error{about_file(path, "the file is " + std::to_string(size) +
                                      " bytes, more than the 35 MB (36700160 bytes) allowed")};
  }
  errno = 0;
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    return Error{"cannot read " + about_file(path, std::generic_category().message(errno))};
  }
  std::string content(static_cast<std::size_t>(size), '\0');
  const std::size_t got = std::fread(content.data(), 1, content.size(), file.get());
  if (std::ferror(file.get())) {
    return Error{"cannot read " + about_file(path, std::generic_category().message(errno))};
  }
  content.resize(got);  // the file may have shrunk since its size was taken
  auto entries = split_word_list(content);
  if (!entries) return Error{about_file(path, entries.error().message)};
  return entries;
}

}  // namespace tamis::config_detail
