// Walks an object through compression and archives, recursively and streaming: every member that
// holds content reaches the visitor as a ByteSource, named by its nested path
// (`outer.tar.gz/bundle/data.zip/inner/customers.csv`). Nothing is written to disk and no member
// is held whole in memory. Content that is neither compressed nor an archive is delivered as the
// object itself, so the engine can send every object through the walker. docs/archives.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "archive/byte_source.h"
#include "config/config.h"
#include "report/result.h"

namespace tamis {

struct MemberInfo {
  std::string path;                      // nested path; member names escaped (member_name.h)
  std::optional<std::uint64_t> size;     // as the archive declares it, when it does
  std::optional<std::int64_t> modified;  // seconds since 1970 (UTC), when the archive records it
  std::uint32_t depth = 0;               // 0: the object itself, 1: a member of it, ...
  std::string container_format;          // what it came out of ("zip", "gzip"); empty at depth 0
};

class MemberVisitor {
 public:
  virtual ~MemberVisitor() = default;
  // A member with content. Pull `content` (to its end, or stop early); then content.status()
  // says whether every byte was delivered and, if not, why (corrupt, encrypted, a limit).
  virtual void on_member(const MemberInfo& member, ByteSource& content) = 0;
  // A member with nothing to scan (encrypted, a link or device, an archive nested too deep), or a
  // nested archive that could not be walked to its end; `status` says which and why.
  virtual void on_unreadable(const MemberInfo& member, const ObjectStatus& status) = 0;
  // Asked before the walker opens what looks like a container: true when the visitor reads it
  // as one document instead (an Office file is a zip, but its parts are not separate objects).
  // `head` is the start of the content (up to kSniffBytes).
  virtual bool reads_as_document(const MemberInfo& /*member*/, std::string_view /*head*/) {
    return false;
  }
};

struct WalkSummary {
  // The object's own status: COMPLETE, or what stopped its walk (a corrupt or truncated archive,
  // maxArchiveMembers, maxDecodedBytes, maxExpansionRatio, maxArchiveDepth for the object itself).
  ObjectStatus status;
  std::string mime_type;              // of the object as sniffed; empty when not a container
  std::uint64_t members = 0;          // archive entries seen, nested ones included
  std::uint64_t bytes_delivered = 0;  // content bytes handed to the visitor
};

WalkSummary walk_archive(ByteSource& object, std::string_view object_name, const Limits& limits,
                         MemberVisitor& visitor);

// The same for an object found inside another one (an email's attachment): `start` gives its
// nested path and depth, so names and maxArchiveDepth continue from there.
WalkSummary walk_archive(ByteSource& object, const MemberInfo& start, const Limits& limits,
                         MemberVisitor& visitor);

}  // namespace tamis
