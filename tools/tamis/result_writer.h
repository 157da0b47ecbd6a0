// Where scan results go: one writer per output format, all writing to a stdio stream.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>

#include "cli_args.h"
#include "report/result.h"
#include "scan_totals.h"

namespace tamis::cli {

struct RunInfo {
  std::uint64_t objects = 0;
  std::uint64_t bytes = 0;
  unsigned threads = 1;
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // True when results should be written as they finish rather than in discovery order.
  virtual bool completion_order() const { return false; }
  virtual void begin(const RunInfo& run) = 0;
  virtual void write(const ObjectResult& result) = 0;
  virtual void end(const ScanTotals& totals) = 0;
};

std::unique_ptr<ResultWriter> make_result_writer(OutputFormat format, std::FILE* out);

}  // namespace tamis::cli
