#include "archive/archive_walker.h"

#include <archive.h>
#include <archive_entry.h>

#include "archive/archive_limits.h"
#include "archive/archive_reader.h"
#include "archive/entry_source.h"
#include "archive/format_sniffer.h"
#include "archive/member_name.h"
#include "archive/peek_source.h"
#include "archive/utf8_thread_locale.h"

namespace tamis {
namespace {

// Content handed to the visitor, counted against maxDecodedBytes for the whole object.
class BudgetedSource final : public ByteSource {
 public:
  BudgetedSource(ByteSource& inner, std::uint64_t& delivered, std::uint64_t budget)
      : inner_(inner), delivered_(delivered), budget_(budget) {}

  Pull pull(std::string_view& chunk) override {
    if (exhausted_ || ended_) return Pull::kEnd;
    if (!next_non_empty(chunk)) return Pull::kEnd;
    if (delivered_ >= budget_) {
      // There is more, and no budget left for it. (A member ending exactly at the budget is
      // complete: that is why the inner stream was asked first.)
      exhausted_ = true;
      status_ = decoded_bytes_limit_status(budget_);
      return Pull::kEnd;
    }
    const std::uint64_t left = budget_ - delivered_;
    if (chunk.size() > left) chunk = chunk.substr(0, static_cast<std::size_t>(left));
    delivered_ += chunk.size();
    return Pull::kData;
  }
  const ObjectStatus& status() const override { return status_; }
  bool exhausted() const { return exhausted_; }
  // A file read in place (an Office package's directory is at its end) seeks through; every byte
  // read after a seek still counts against the budget.
  bool can_seek() const override { return inner_.can_seek(); }
  std::uint64_t seekable_size() const override { return inner_.seekable_size(); }
  bool seek_to(std::uint64_t offset) override {
    if (exhausted_ || !inner_.seek_to(offset)) return false;
    ended_ = false;
    return true;
  }

 private:
  bool next_non_empty(std::string_view& chunk) {
    do {
      if (inner_.pull(chunk) == Pull::kEnd) {
        ended_ = true;
        status_ = inner_.status();
        return false;
      }
    } while (chunk.empty());
    return true;
  }

  ByteSource& inner_;
  std::uint64_t& delivered_;
  std::uint64_t budget_;
  ObjectStatus status_;
  bool exhausted_ = false;
  bool ended_ = false;
};

std::string describe_file_type(struct archive_entry* entry) {
  const char* symlink = archive_entry_symlink(entry);
  switch (archive_entry_filetype(entry)) {
    case AE_IFLNK:
      return "symbolic link to \"" + escape_member_name(symlink ? symlink : "") +
             "\": not followed";
    case AE_IFCHR:
      return "character device: no content";
    case AE_IFBLK:
      return "block device: no content";
    case AE_IFIFO:
      return "FIFO: no content";
    case AE_IFSOCK:
      return "socket: no content";
    default:
      return "not a regular file: no content";
  }
}

std::string entry_name(struct archive_entry* entry) {
  const char* utf8 = archive_entry_pathname_utf8(entry);
  if (utf8 != nullptr) return escape_member_name(utf8);
  const char* raw = archive_entry_pathname(entry);
  if (raw != nullptr) return escape_member_name(raw);
  return "(unnamed entry)";
}

ObjectStatus skipped(std::string_view reason, std::string detail) {
  return ObjectStatus{"SKIPPED", std::string(reason), std::move(detail)};
}

class Walker {
 public:
  Walker(const Limits& limits, MemberVisitor& visitor) : limits_(limits), visitor_(visitor) {}

  // Sniffs `source`: content goes to the visitor; a container is opened and walked. Returns the
  // container's own status (COMPLETE for content: its status travels with its ByteSource).
  ObjectStatus walk(ByteSource& source, const MemberInfo& info, std::string* mime_type) {
    PeekSource peek(source);
    const SniffResult sniff = sniff_container(peek.head());
    if (sniff.kind == ContainerKind::kNone || visitor_.reads_as_document(info, peek.head())) {
      deliver(peek, info);
      return ObjectStatus{};
    }
    if (mime_type != nullptr) *mime_type = std::string(sniff.mime_type);
    if (info.depth >= limits_.max_archive_depth) {
      return depth_limit_status(limits_.max_archive_depth, sniff.format);
    }
    return walk_container(peek, info, sniff);
  }

  bool stopped() const { return stopped_; }
  const ObjectStatus& stop_status() const { return stop_status_; }
  std::uint64_t members() const { return members_; }
  std::uint64_t delivered() const { return delivered_; }

 private:
  void deliver(ByteSource& content, const MemberInfo& info) {
    BudgetedSource budgeted(content, delivered_, limits_.max_decoded_bytes);
    visitor_.on_member(info, budgeted);
    if (budgeted.exhausted()) stop(budgeted.status());
  }

  void stop(const ObjectStatus& why) {
    if (stopped_) return;
    stopped_ = true;
    stop_status_ = why;
  }

  ObjectStatus walk_container(PeekSource& source, const MemberInfo& info,
                              const SniffResult& sniff) {
    ArchiveReader reader(source, sniff);
    std::uint64_t entries = 0;
    const auto problem = [&](std::string_view reason, const std::string& detail) -> ObjectStatus {
      // The stream feeding this archive may have stopped first (a limit, corrupt outer data):
      // that is the cause worth naming.
      if (!is_complete(source.status())) {
        ObjectStatus cause = source.status();
        cause.code = entries == 0 ? "SKIPPED" : "PARTIAL";
        return cause;
      }
      return ObjectStatus{entries == 0 ? "SKIPPED" : "PARTIAL", std::string(reason),
                          std::string(sniff.format) + ": " + detail};
    };
    if (!reader.open()) return problem(kReasonUnparsable, reader.error());
    struct archive* a = reader.handle();
    const bool single_stream = sniff.kind == ContainerKind::kCompressedStream;
    while (!stopped_) {
      struct archive_entry* entry = nullptr;
      const int header = archive_read_next_header(a, &entry);
      if (header == ARCHIVE_EOF) break;
      if (header == ARCHIVE_FATAL || header == ARCHIVE_RETRY) {
        // Zip can encrypt its central directory: no name, no entry, only this flag.
        if (archive_read_has_encrypted_entries(a) > 0) {
          const std::string why = "encrypted archive headers, no passphrase: " + reader.error();
          return problem(kReasonEncrypted, why);
        }
        return problem(kReasonUnparsable,
                       reader.error() + " (after " + std::to_string(entries) + " entries)");
      }
      ++entries;
      if (++members_ > limits_.max_archive_members) {
        stop(members_limit_status(limits_.max_archive_members));
        break;
      }
      const bool raw = archive_format(a) == ARCHIVE_FORMAT_RAW;
      MemberInfo member;
      member.path = join_member_path(
          info.path, raw ? single_stream_member_name(info.path) : entry_name(entry));
      member.depth = info.depth + 1;
      member.container_format = std::string(sniff.format);
      if (!raw && archive_entry_size_is_set(entry) != 0 && archive_entry_size(entry) >= 0) {
        member.size = static_cast<std::uint64_t>(archive_entry_size(entry));
      }
      if (!raw && archive_entry_mtime_is_set(entry) != 0) {
        member.modified = static_cast<std::int64_t>(archive_entry_mtime(entry));
      }
      if (header == ARCHIVE_FAILED) {
        const std::string why = reader.error();
        visitor_.on_unreadable(
            member, skipped(mentions_encryption(why) ? kReasonEncrypted : kReasonUnparsable, why));
        continue;
      }
      ObjectStatus abandoned;
      if (!visit_entry(reader, entry, member, raw, abandoned)) {
        if (!is_complete(abandoned)) return abandoned;
        break;
      }
      if (single_stream && raw) break;
    }
    if (!is_complete(source.status())) return problem(kReasonUnparsable, "");
    return ObjectStatus{};
  }

  // Returns false when the archive cannot (or should not) be read any further; `abandoned` then
  // says why when the archive itself deserves the status (a decompression bomb).
  bool visit_entry(ArchiveReader& reader, struct archive_entry* entry, const MemberInfo& member,
                   bool raw, ObjectStatus& abandoned) {
    const auto type = archive_entry_filetype(entry);
    if (!raw && type == AE_IFDIR) return true;  // directories carry no content of their own
    const char* hardlink = archive_entry_hardlink(entry);
    if (!raw && hardlink != nullptr && (!member.size || *member.size == 0)) {
      visitor_.on_unreadable(
          member, skipped(kReasonUnsupportedType, "hard link to \"" + escape_member_name(hardlink) +
                                                      "\": its content is scanned there"));
      return true;
    }
    // Type 0: formats such as ar record no file type; their entries are files.
    if (!raw && type != AE_IFREG && type != 0 && hardlink == nullptr) {
      visitor_.on_unreadable(member, skipped(kReasonUnsupportedType, describe_file_type(entry)));
      return true;
    }
    if (archive_entry_is_data_encrypted(entry) != 0) {
      visitor_.on_unreadable(
          member, skipped(kReasonEncrypted, "encrypted member: no passphrase, not scanned"));
      return true;
    }
    EntrySource content(reader, limits_);
    const ObjectStatus nested = walk(content, member, nullptr);
    if (!is_complete(nested)) visitor_.on_unreadable(member, nested);
    if (content.expansion_limit_hit()) {
      // Skipping the rest of a bomb means decoding it: leave the archive here.
      abandoned = content.status();
      return false;
    }
    if (content.archive_unusable()) {
      // libarchive cannot go past this member: the archive ends here for us, and says so.
      abandoned = ObjectStatus{"PARTIAL", std::string(kReasonUnparsable),
                               member.container_format + ": unreadable from " + member.path +
                                   " on: " + content.status().detail};
      return false;
    }
    return true;
  }

  const Limits& limits_;
  MemberVisitor& visitor_;
  std::uint64_t members_ = 0;
  std::uint64_t delivered_ = 0;
  bool stopped_ = false;
  ObjectStatus stop_status_;
};

}  // namespace

WalkSummary walk_archive(ByteSource& object, std::string_view object_name, const Limits& limits,
                         MemberVisitor& visitor) {
  MemberInfo top;
  top.path = std::string(object_name);
  return walk_archive(object, top, limits, visitor);
}

WalkSummary walk_archive(ByteSource& object, const MemberInfo& start, const Limits& limits,
                         MemberVisitor& visitor) {
  const Utf8ThreadLocale utf8_names;
  Walker walker(limits, visitor);
  WalkSummary summary;
  summary.status = walker.walk(object, start, &summary.mime_type);
  if (walker.stopped() && is_complete(summary.status)) summary.status = walker.stop_status();
  summary.members = walker.members();
  summary.bytes_delivered = walker.delivered();
  return summary;
}

}  // namespace tamis
