// The default, human-readable report: a header line, each file with findings followed by one line
// per detection, then the objects that were not fully scanned and a summary of the whole run.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <vector>

#include "result_writer.h"

namespace tamis::cli {

class TextReportWriter final : public ResultWriter {
 public:
  // `bold`: the stream is a terminal.
  TextReportWriter(std::FILE* out, bool bold);
  void begin(const RunInfo& run) override;
  void write(const ObjectResult& result) override;
  void end(const ScanTotals& totals) override;

 private:
  std::string bold(const std::string& text) const;
  void write_incomplete() const;
  void write_summary(const ScanTotals& totals) const;

  std::FILE* out_;
  bool bold_;
  bool any_findings_written_ = false;
  // Objects not fully scanned, listed together after the findings (usually few).
  struct Incomplete {
    std::string path;
    ObjectStatus status;
  };
  std::vector<Incomplete> incomplete_;
};

}  // namespace tamis::cli
