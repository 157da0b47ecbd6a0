#include "result_writer.h"

#include <unistd.h>

#include "json_result_writers.h"
#include "text_report.h"

namespace tamis::cli {

std::unique_ptr<ResultWriter> make_result_writer(OutputFormat format, std::FILE* out) {
  switch (format) {
    case OutputFormat::kJson:
      return std::make_unique<JsonArrayWriter>(out);
    case OutputFormat::kJsonLines:
      return std::make_unique<JsonLinesWriter>(out);
    case OutputFormat::kText:
      break;
  }
  // Bold only on a terminal: escape codes in a file or a pipe are noise.
  const bool terminal = ::isatty(::fileno(out)) == 1;
  return std::make_unique<TextReportWriter>(out, terminal);
}

}  // namespace tamis::cli
