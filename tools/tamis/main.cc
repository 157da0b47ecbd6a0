// tamis: find and classify sensitive data in files. Dispatches to one command per file.
#include <cstdio>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "cli_args.h"
#include "identifiers_command.h"
#include "scan_command.h"
#include "version.h"

namespace {

constexpr int kExitUsage = 2;

int run(const tamis::cli::Command& command) {
  using namespace tamis::cli;
  return std::visit(
      [](const auto& chosen) -> int {
        using Chosen = std::decay_t<decltype(chosen)>;
        if constexpr (std::is_same_v<Chosen, ScanOptions>) {
          return run_scan(chosen);
        } else if constexpr (std::is_same_v<Chosen, IdentifiersOptions>) {
          return run_identifiers(chosen);
        } else if constexpr (std::is_same_v<Chosen, ShowHelp>) {
          std::fputs(usage_text(chosen.topic).c_str(), stdout);
          return 0;
        } else if constexpr (std::is_same_v<Chosen, ShowVersion>) {
          std::printf("tamis %.*s\n", static_cast<int>(kVersion.size()), kVersion.data());
          return 0;
        } else {
          const char* command_name = chosen.topic == HelpTopic::kScan          ? " scan"
                                     : chosen.topic == HelpTopic::kIdentifiers ? " identifiers"
                                                                               : "";
          std::fprintf(stderr, "tamis: %s\nTry 'tamis%s --help'.\n", chosen.message.c_str(),
                       command_name);
          return kExitUsage;
        }
      },
      command);
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return run(tamis::cli::parse_command_line(args));
}
