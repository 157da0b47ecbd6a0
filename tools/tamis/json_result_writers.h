// JSON output: `--format json` (one array, discovery order) and `--format jsonl` (one compact
// result per line, completion order).
#pragma once

#include <cstdio>

#include "result_writer.h"

namespace tamis::cli {

class JsonArrayWriter final : public ResultWriter {
 public:
  explicit JsonArrayWriter(std::FILE* out);
  void begin(const RunInfo& run) override;
  void write(const ObjectResult& result) override;
  void end(const ScanTotals& totals) override;

 private:
  std::FILE* out_;
  bool first_ = true;
};

class JsonLinesWriter final : public ResultWriter {
 public:
  explicit JsonLinesWriter(std::FILE* out);
  bool completion_order() const override { return true; }
  void begin(const RunInfo& /*run*/) override {}
  void write(const ObjectResult& result) override;
  void end(const ScanTotals& /*totals*/) override {}

 private:
  std::FILE* out_;
};

}  // namespace tamis::cli
