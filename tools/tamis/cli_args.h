// Command-line parsing for `tamis`: turns argv into one of the commands below, or a usage error
// message. No I/O happens here, so every rule is testable from the outside through the binary.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace tamis::cli {

enum class OutputFormat { kText, kJson, kJsonLines };

struct ScanOptions {
  bool cache = true;  // keep compiled databases in the user's cache folder
  std::optional<std::string> config_path;
  OutputFormat format = OutputFormat::kText;
  unsigned threads = 0;  // 0: one per hardware thread
  bool reveal = false;
  bool progress = true;
  std::vector<std::string> paths;
};

struct IdentifiersOptions {
  OutputFormat format = OutputFormat::kText;  // kText or kJson
  bool all = false;                           // false: only the identifiers on by default
};

enum class HelpTopic { kGeneral, kScan, kIdentifiers };

struct ShowHelp {
  HelpTopic topic = HelpTopic::kGeneral;
};
struct ShowVersion {};

// A usage problem: `message` names it; the caller prints it with a pointer to --help.
struct UsageError {
  std::string message;
  HelpTopic topic = HelpTopic::kGeneral;
};

using Command = std::variant<ScanOptions, IdentifiersOptions, ShowHelp, ShowVersion, UsageError>;

// `args` excludes the program name.
Command parse_command_line(std::span<const std::string> args);

std::string usage_text(HelpTopic topic);

}  // namespace tamis::cli
