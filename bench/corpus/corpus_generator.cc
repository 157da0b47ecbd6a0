#include "corpus_generator.h"

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "corpus_plan.h"
#include "gzip.h"
#include "truth_writer.h"
#include "writers.h"

namespace tamis::corpus {
namespace {

constexpr std::string_view kGeneratorName = "tamis_corpus 1";

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) throw std::runtime_error("cannot write " + path.string());
}

Document write_document(const PlannedFile& planned, Rng& rng) {
  switch (planned.kind) {
    case Kind::kProse:
      return write_prose(rng, planned.target_bytes);
    case Kind::kLogs:
      return write_log(rng, planned.target_bytes);
    case Kind::kCsv:
      return write_csv(rng, planned.target_bytes);
    case Kind::kJsonl:
      return write_jsonl(rng, planned.target_bytes);
    case Kind::kSource:
      break;
  }
  return write_source(rng, planned.target_bytes, planned.extension);
}

std::string_view kind_name(Kind kind) {
  for (const KindShare& share : kMix) {
    if (share.kind == kind) return share.name;
  }
  return "unknown";
}

class Manifest {
 public:
  void add(std::string_view path, std::string_view kind, std::uint64_t bytes) {
    if (!files_.empty()) files_.push_back(',');
    files_.append("\n  {\"path\":");
    append_json_string(files_, path);
    files_.append(",\"kind\":");
    append_json_string(files_, kind);
    files_.append(",\"bytes\":");
    files_.append(std::to_string(bytes));
    files_.push_back('}');
    total_ += bytes;
    ++count_;
  }

  std::string render(std::uint64_t seed) const {
    std::string out = "{\"generator\":";
    append_json_string(out, kGeneratorName);
    out.append(",\"seed\":");
    out.append(std::to_string(seed));
    out.append(",\"bytes\":");
    out.append(std::to_string(total_));
    out.append(",\"files\":[");
    out.append(files_);
    out.append("\n]}\n");
    return out;
  }

  std::uint64_t total() const { return total_; }
  std::uint64_t count() const { return count_; }

 private:
  std::string files_;
  std::uint64_t total_ = 0;
  std::uint64_t count_ = 0;
};

}  // namespace

CorpusSummary generate_corpus(const std::filesystem::path& out, std::uint64_t total_bytes,
                              std::uint64_t seed) {
  Rng root(seed);
  Rng plan_rng = root.fork(0);
  const std::vector<PlannedFile> plan = plan_corpus(total_bytes, plan_rng);
  const std::uint64_t gzip_budget = total_bytes / 100 * kGzipExtraPercent;

  Manifest manifest;
  std::string truth;
  std::uint64_t gzip_bytes = 0;
  std::size_t gzip_index = 0;
  std::uint64_t salt = 1;
  for (const PlannedFile& planned : plan) {
    Rng rng = root.fork(salt++);
    const Document doc = write_document(planned, rng);
    write_file(out / planned.path, doc.text());
    manifest.add(planned.path, kind_name(planned.kind), doc.size());
    append_truth_lines(truth, planned.path, doc);

    // Logs are copied to gz/ until the copies reach their share; the first log always is.
    if (planned.kind == Kind::kLogs && (gzip_index == 0 || gzip_bytes < gzip_budget)) {
      const std::string compressed = gzip(doc.text());
      const std::string name = planned.path.substr(planned.path.find('/') + 1);
      const std::string path = "gz/" + name + ".gz";
      write_file(out / path, compressed);
      manifest.add(path, "gz", compressed.size());
      append_truth_lines(truth, path, doc);
      gzip_bytes += compressed.size();
      ++gzip_index;
    }
  }
  write_file(out / "truth.jsonl", truth);
  write_file(out / "manifest.json", manifest.render(seed));

  CorpusSummary summary;
  summary.files = manifest.count();
  summary.bytes = manifest.total();
  for (char c : truth) summary.planted += c == '\n' ? 1 : 0;
  return summary;
}

}  // namespace tamis::corpus
