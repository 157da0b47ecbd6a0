#include "cli_args.h"

#include <charconv>
#include <string_view>

namespace tamis::cli {
namespace {

constexpr unsigned kMaxThreads = 1024;

// Splits `--name=value` and `-xVALUE` so every usual spelling works: `--name value`,
// `--name=value`, `-x value` and `-xVALUE`.
struct OptionToken {
  std::string_view name;
  std::optional<std::string_view> inline_value;
};

OptionToken split_option(std::string_view arg) {
  if (arg.starts_with("--")) {
    const auto eq = arg.find('=');
    if (eq != std::string_view::npos) return {arg.substr(0, eq), arg.substr(eq + 1)};
    return {arg, std::nullopt};
  }
  if (arg.size() > 2 && arg[0] == '-') return {arg.substr(0, 2), arg.substr(2)};
  return {arg, std::nullopt};
}

// Walks the arguments of one command, handing out option values.
class ArgCursor {
 public:
  explicit ArgCursor(std::span<const std::string> args) : args_(args) {}
  bool done() const { return index_ >= args_.size(); }
  std::string_view next() { return args_[index_++]; }

  // The value of an option: inline (`--x=v`) or the next argument.
  std::optional<std::string> value_for(const OptionToken& token) {
    if (token.inline_value) return std::string(*token.inline_value);
    if (done()) return std::nullopt;
    return std::string(next());
  }

 private:
  std::span<const std::string> args_;
  std::size_t index_ = 0;
};

std::optional<OutputFormat> parse_format(std::string_view text, bool allow_jsonl) {
  if (text == "text") return OutputFormat::kText;
  if (text == "json") return OutputFormat::kJson;
  if (allow_jsonl && text == "jsonl") return OutputFormat::kJsonLines;
  return std::nullopt;
}

std::optional<unsigned> parse_thread_count(std::string_view text) {
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (value < 1 || value > kMaxThreads) return std::nullopt;
  return value;
}

UsageError missing_value(std::string_view option, HelpTopic topic) {
  return {"option '" + std::string(option) + "' needs a value", topic};
}

Command parse_scan(std::span<const std::string> args) {
  constexpr HelpTopic kTopic = HelpTopic::kScan;
  ScanOptions options;
  ArgCursor cursor(args);
  bool options_ended = false;
  while (!cursor.done()) {
    const std::string_view arg = cursor.next();
    if (options_ended || !arg.starts_with("-")) {
      options.paths.emplace_back(arg);
      continue;
    }
    const OptionToken token = split_option(arg);
    if (token.name == "--") {
      options_ended = true;
    } else if ((token.name == "--help" || token.name == "-h") && !token.inline_value) {
      return ShowHelp{kTopic};
    } else if (token.name == "--config" || token.name == "-c") {
      auto value = cursor.value_for(token);
      if (!value) return missing_value(token.name, kTopic);
      options.config_path = std::move(*value);
    } else if (token.name == "--format" || token.name == "-f") {
      auto value = cursor.value_for(token);
      if (!value) return missing_value(token.name, kTopic);
      auto format = parse_format(*value, /*allow_jsonl=*/true);
      if (!format) {
        return UsageError{"unknown format '" + *value + "' (expected text, json or jsonl)", kTopic};
      }
      options.format = *format;
    } else if (token.name == "--threads" || token.name == "-j") {
      auto value = cursor.value_for(token);
      if (!value) return missing_value(token.name, kTopic);
      auto threads = parse_thread_count(*value);
      if (!threads) {
        return UsageError{"invalid thread count '" + *value + "' (expected 1 to " +
                              std::to_string(kMaxThreads) + ")",
                          kTopic};
      }
      options.threads = *threads;
    } else if (token.name == "--reveal" && !token.inline_value) {
      options.reveal = true;
    } else if (token.name == "--no-progress" && !token.inline_value) {
      options.progress = false;
    } else if (token.name == "--no-cache" && !token.inline_value) {
      options.cache = false;
    } else {
      return UsageError{"unknown option '" + std::string(arg) + "'", kTopic};
    }
  }
  if (options.paths.empty()) return UsageError{"no PATH to scan", kTopic};
  return options;
}

Command parse_identifiers(std::span<const std::string> args) {
  constexpr HelpTopic kTopic = HelpTopic::kIdentifiers;
  IdentifiersOptions options;
  ArgCursor cursor(args);
  while (!cursor.done()) {
    const std::string_view arg = cursor.next();
    const OptionToken token = split_option(arg);
    if ((token.name == "--help" || token.name == "-h") && !token.inline_value) {
      return ShowHelp{kTopic};
    } else if (token.name == "--format" || token.name == "-f") {
      auto value = cursor.value_for(token);
      if (!value) return missing_value(token.name, kTopic);
      auto format = parse_format(*value, /*allow_jsonl=*/false);
      if (!format) {
        return UsageError{"unknown format '" + *value + "' (expected text or json)", kTopic};
      }
      options.format = *format;
    } else if (token.name == "--all" && !token.inline_value) {
      options.all = true;
    } else {
      return UsageError{"unexpected argument '" + std::string(arg) + "'", kTopic};
    }
  }
  return options;
}

}  // namespace

Command parse_command_line(std::span<const std::string> args) {
  if (args.empty()) return UsageError{"no command given"};
  const std::string_view command = args.front();
  const auto rest = args.subspan(1);
  if (command == "--help" || command == "-h" || command == "help") return ShowHelp{};
  if (command == "--version" || command == "-V" || command == "version") return ShowVersion{};
  if (command == "scan") return parse_scan(rest);
  if (command == "identifiers") return parse_identifiers(rest);
  return UsageError{"unknown command '" + std::string(command) + "'"};
}

std::string usage_text(HelpTopic topic) {
  switch (topic) {
    case HelpTopic::kScan:
      return "Usage: tamis scan [OPTIONS] PATH...\n"
             "Scan files and directories (recursively) for sensitive data.\n"
             "\n"
             "  -c, --config FILE     engine configuration (JSON, Macie-shaped);\n"
             "                        default: the recommended managed identifiers\n"
             "  -f, --format FORMAT   text (default), json (one array) or jsonl\n"
             "                        (one result per line, as files finish)\n"
             "  -j, --threads N       worker threads (default: one per CPU)\n"
             "      --reveal          show found values in full instead of masked\n"
             "      --no-progress     never draw the progress bar\n"
             "      --no-cache        compile the identifiers instead of loading them\n"
             "                        from $XDG_CACHE_HOME/tamis (~/.cache/tamis)\n"
             "  -h, --help            show this help\n"
             "\n"
             "Exit status: 0 nothing found, 1 sensitive data found, 2 usage or\n"
             "configuration error. Unreadable files are listed but do not change it.\n";
    case HelpTopic::kIdentifiers:
      return "Usage: tamis identifiers [--format text|json] [--all]\n"
             "List the managed data identifiers.\n"
             "\n"
             "  -f, --format FORMAT   text (default) or json\n"
             "      --all             every identifier, not only those on by default\n"
             "  -h, --help            show this help\n";
    case HelpTopic::kGeneral:
      break;
  }
  return "Usage: tamis COMMAND [OPTIONS]\n"
         "Find and classify sensitive data.\n"
         "\n"
         "Commands:\n"
         "  scan PATH...     scan files and directories\n"
         "  identifiers      list the managed data identifiers\n"
         "\n"
         "  -h, --help       show this help (tamis COMMAND --help for a command)\n"
         "  -V, --version    show the version\n";
}

}  // namespace tamis::cli
