#include "engine/object_scanner.h"

#include <optional>
#include <string>
#include <utility>

#include "archive/archive_limits.h"
#include "archive/archive_walker.h"
#include "archive/read_ahead_source.h"
#include "engine/content_scan.h"

namespace tamis {
namespace {

void walk_and_scan(Scanner& scanner, ByteSource& source, const MemberInfo& start,
                   const Limits& limits, const ObjectScanner::Emit& emit);

// Receives the walker's members and scans each. Objects found inside members that are not
// archives (email attachments) are walked from their own depth with a scanner of their own,
// because the member's scan is still open while they are read.
class ScanningVisitor final : public MemberVisitor, public NestedObjects {
 public:
  ScanningVisitor(Scanner& scanner, const Limits& limits, const ObjectScanner::Emit& emit)
      : scanner_(scanner), limits_(limits), emit_(emit) {}

  void on_member(const MemberInfo& member, ByteSource& content) override {
    // Only decompressed members are worth a thread: a file's own bytes cost nothing to read.
    if (member.depth > 0 && scanner_.engine().config().decode_in_background) {
      ReadAheadSource ahead(content);
      emit_(scan_content(scanner_, ahead, member, *this));
      return;
    }
    emit_(scan_content(scanner_, content, member, *this));
  }

  void on_unreadable(const MemberInfo& member, const ObjectStatus& status) override {
    ObjectResult result;
    result.path = member.path;
    result.size = member.size.value_or(0);
    result.mime_type.clear();
    result.status = status;
    if (member.depth > 0) result.embedded = EmbeddedFile{{}, member.size, member.modified};
    emit_(std::move(result));
  }

  bool reads_as_document(const MemberInfo& member, std::string_view head) override {
    return is_office_package(detect_content_format(member.path, head));
  }

  void scan(ByteSource& content, const MemberInfo& member) override {
    if (member.depth > limits_.max_archive_depth) {
      on_unreadable(member, depth_limit_status(limits_.max_archive_depth, member.container_format));
      return;
    }
    if (!child_) child_.emplace(scanner_.spawn());
    walk_and_scan(*child_, content, member, limits_, emit_);
  }

 private:
  Scanner& scanner_;
  const Limits& limits_;
  const ObjectScanner::Emit& emit_;
  std::optional<Scanner> child_;  // made on the first nested object, reused for the next ones
};

// Walks `source` and scans what it holds; the container gets a result of its own when its walk
// did not complete and that is not already said by a member's result.
void walk_and_scan(Scanner& scanner, ByteSource& source, const MemberInfo& start,
                   const Limits& limits, const ObjectScanner::Emit& emit) {
  std::uint64_t emitted = 0;
  const ObjectScanner::Emit counting = [&](ObjectResult result) {
    ++emitted;
    emit(std::move(result));
  };
  ScanningVisitor visitor(scanner, limits, counting);
  const WalkSummary summary = walk_archive(source, start, limits, visitor);
  if (!is_complete(summary.status) && (summary.members > 0 || emitted == 0)) {
    ObjectResult container;
    container.path = start.path;
    container.size = start.size.value_or(0);
    container.mime_type = summary.mime_type;
    container.status = summary.status;
    emit(std::move(container));
  }
}

}  // namespace

void ObjectScanner::scan(ByteSource& source, std::string_view name, const Emit& emit) {
  MemberInfo top;
  top.path = std::string(name);
  // A member's path inside the object it came from, for its embeddedFileDetails.
  const std::string prefix = top.path + "/";
  const Emit with_embedded_path = [&](ObjectResult result) {
    if (result.embedded && result.path.starts_with(prefix)) {
      result.embedded->file_path = result.path.substr(prefix.size());
    }
    emit(std::move(result));
  };
  walk_and_scan(scanner_, source, top, scanner_.engine().config().limits, with_embedded_path);
}

}  // namespace tamis
