// The zip under an OOXML document, opened with libarchive's seekable zip reader so that parts
// can be read by name in whatever order the extractor needs (workbook and shared strings before
// the sheets that Excel stores ahead of them). A source that can seek is read in place through
// read/seek/skip callbacks; any other is copied into memory first, up to max_package_bytes.
// Every part read is held to the size, total and expansion-ratio limits.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/byte_source.h"
#include "extract/ooxml_extractor.h"
#include "report/result.h"

struct archive;

namespace tamis {

struct OoxmlPart {
  std::string name;                   // as stored in the zip ("xl/worksheets/sheet1.xml")
  std::optional<std::uint64_t> size;  // decompressed size the zip declares, when it does
  std::size_t index = 0;              // position in the zip's entry order
};

class OoxmlPackage {
 public:
  OoxmlPackage(ByteSource& source, const OoxmlLimits& limits);
  ~OoxmlPackage();
  OoxmlPackage(const OoxmlPackage&) = delete;
  OoxmlPackage& operator=(const OoxmlPackage&) = delete;

  // Reads the list of parts. COMPLETE, or SKIPPED: ENCRYPTED for a password-protected document,
  // MALFORMED_OR_FILE_SIZE_EXCEEDS_LIMIT for a package too large to copy or not a readable zip.
  ObjectStatus open();

  // The XML parts (*.xml, *.rels) in zip order; media and other binaries are not listed.
  const std::vector<OoxmlPart>& parts() const { return parts_; }
  // Part names compare without regard to ASCII case, as OPC requires.
  const OoxmlPart* find(std::string_view name) const;

  // Sends the part's decompressed bytes to `consume` in chunks until the end, a limit, a fault,
  // or `consume` returning false. COMPLETE, or PARTIAL with the reason (OOXML size or ratio
  // limit, MALFORMED_OR_FILE_SIZE_EXCEEDS_LIMIT for corrupt data, ENCRYPTED) and a detail
  // naming the part. A consumer that stops gets COMPLETE: it knows why it stopped.
  using Consumer = std::function<bool(std::string_view)>;
  ObjectStatus read(const OoxmlPart& part, const Consumer& consume);

  // `wanted` in the given order when reading it costs at most the reopens left; otherwise in zip
  // order (one forward pass), with `reordered` set so that the caller can say so.
  std::vector<const OoxmlPart*> reading_order(std::vector<const OoxmlPart*> wanted,
                                              bool& reordered) const;

  std::uint64_t total_bytes() const { return total_bytes_; }
  const OoxmlLimits& limits() const { return limits_; }
  // Set when the entry list could not be read to its end: what was lost.
  const std::string& listing_fault() const { return listing_fault_; }

 private:
  bool open_handle();
  void close_handle();
  bool seek_to_entry(std::size_t index);
  ObjectStatus read_data(const OoxmlPart& part, const Consumer& consume);

  static ssize_t read_callback(struct archive* archive, void* self, const void** buffer);
  static std::int64_t seek_callback(struct archive* archive, void* self, std::int64_t offset,
                                    int whence);
  static std::int64_t skip_callback(struct archive* archive, void* self, std::int64_t request);

  ByteSource& source_;
  const OoxmlLimits& limits_;
  std::string spooled_;  // the whole package, when the source cannot seek
  bool spooling_ = false;
  std::vector<OoxmlPart> parts_;
  std::string listing_fault_;

  struct archive* archive_ = nullptr;
  std::size_t next_index_ = 0;  // index of the entry the next archive_read_next_header returns
  std::uint32_t reopens_ = 0;
  std::string_view pending_;    // the seekable source's current chunk, not yet handed out
  std::uint64_t position_ = 0;  // offset of the next byte handed to libarchive
  std::unique_ptr<char[]> buffer_;
  std::uint64_t total_bytes_ = 0;
};

}  // namespace tamis
