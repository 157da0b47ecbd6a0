#include "extract/ooxml_package.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cstdio>
#include <limits>

#include "archive/archive_limits.h"

namespace tamis {
namespace {

constexpr std::size_t kReadBufferBytes = 64 * 1024;
// libarchive is handed at most this much of a source chunk at a time (it copies what straddles
// two slices, so they stay large, but bounded whatever chunk size the source uses).
constexpr std::size_t kMaxSlice = 64 * 1024;
// A real document has a few hundred XML parts; a listing this long is hostile and is cut here so
// that the list of names stays small.
constexpr std::size_t kMaxListedParts = 65536;
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

bool is_xml_part(std::string_view name) {
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           equal_ignoring_case(name.substr(name.size() - suffix.size()), suffix);
  };
  return ends_with(".xml") || ends_with(".rels");
}

std::string entry_name(struct archive_entry* entry) {
  const char* utf8 = archive_entry_pathname_utf8(entry);
  if (utf8 != nullptr) return utf8;
  const char* raw = archive_entry_pathname(entry);
  return raw != nullptr ? raw : "";
}

ObjectStatus status(std::string_view code, std::string_view reason, std::string detail) {
  return ObjectStatus{std::string(code), std::string(reason), std::move(detail)};
}

std::string quoted(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  out += '"';
  out += name;
  out += '"';
  return out;
}

}  // namespace

OoxmlPackage::OoxmlPackage(ByteSource& source, const OoxmlLimits& limits)
    : source_(source), limits_(limits), buffer_(new char[kReadBufferBytes]) {}

OoxmlPackage::~OoxmlPackage() { close_handle(); }

ObjectStatus OoxmlPackage::open() {
  std::string head;  // enough of the start to tell an OLE file
  std::string_view chunk;
  if (source_.can_seek()) {
    if (!source_.seek_to(0)) {
      return status("SKIPPED", kReasonOfficeMalformed,
                    "the package could not be read from its start");
    }
    while (head.size() < kOleMagic.size() && source_.pull(chunk) == Pull::kData) {
      head.append(chunk.substr(0, kOleMagic.size() - head.size()));
    }
  } else {
    spooling_ = true;
    while (source_.pull(chunk) == Pull::kData) {
      if (spooled_.size() + chunk.size() > limits_.max_package_bytes) {
        spooled_.clear();
        spooled_.shrink_to_fit();
        return status("SKIPPED", kReasonOfficeMalformed,
                      "the package is larger than the " +
                          std::to_string(limits_.max_package_bytes) +
                          "-byte limit for documents read without random access");
      }
      spooled_.append(chunk);
    }
    head = spooled_.substr(0, kOleMagic.size());
  }
  if (head.starts_with(kOleMagic)) {
    return status("SKIPPED", kReasonEncrypted,
                  "password-protected Office document (an OLE compound file holding an "
                  "EncryptedPackage): its content cannot be read without the password");
  }

  if (!open_handle()) {
    const char* message = archive_ == nullptr ? nullptr : archive_error_string(archive_);
    std::string detail = "not a readable zip package: ";
    detail += message != nullptr ? message : "libarchive gave no reason";
    if (!is_complete(source_.status())) {
      detail += " (the package itself was cut short: ";
      detail += source_.status().detail;
      detail += ')';
    }
    return status("SKIPPED", kReasonOfficeMalformed, std::move(detail));
  }
  struct archive_entry* entry = nullptr;
  for (;;) {
    const int result = archive_read_next_header(archive_, &entry);
    if (result == ARCHIVE_EOF) break;
    if (result < ARCHIVE_WARN) {
      if (next_index_ == 0) {
        const char* message = archive_error_string(archive_);
        return status("SKIPPED", kReasonOfficeMalformed,
                      std::string("not a readable zip package: ") +
                          (message != nullptr ? message : "libarchive gave no reason"));
      }
      listing_fault_ = "the zip's entry list is corrupt after " + std::to_string(next_index_) +
                       " entries; later parts were not read";
      break;
    }
    const std::size_t index = next_index_++;
    std::string name = entry_name(entry);
    if (!is_xml_part(name)) continue;
    if (parts_.size() == kMaxListedParts) {
      listing_fault_ =
          "more than " + std::to_string(kMaxListedParts) + " XML parts: the rest were not read";
      break;
    }
    OoxmlPart part{std::move(name), std::nullopt, index};
    if (archive_entry_size_is_set(entry) != 0 && archive_entry_size(entry) >= 0) {
      part.size = static_cast<std::uint64_t>(archive_entry_size(entry));
    }
    parts_.push_back(std::move(part));
  }
  return ObjectStatus{};
}

const OoxmlPart* OoxmlPackage::find(std::string_view name) const {
  for (const OoxmlPart& part : parts_) {
    if (equal_ignoring_case(part.name, name)) return &part;
  }
  return nullptr;
}

bool OoxmlPackage::open_handle() {
  close_handle();
  archive_ = archive_read_new();
  if (archive_ == nullptr) return false;
  archive_read_support_format_zip_seekable(archive_);
  next_index_ = 0;
  if (spooling_) {
    return archive_read_open_memory(archive_, spooled_.data(), spooled_.size()) == ARCHIVE_OK;
  }
  if (!source_.seek_to(0)) return false;
  pending_ = {};
  position_ = 0;
  archive_read_set_callback_data(archive_, this);
  archive_read_set_read_callback(archive_, &OoxmlPackage::read_callback);
  archive_read_set_seek_callback(archive_, &OoxmlPackage::seek_callback);
  archive_read_set_skip_callback(archive_, &OoxmlPackage::skip_callback);
  return archive_read_open1(archive_) == ARCHIVE_OK;
}

void OoxmlPackage::close_handle() {
  if (archive_ != nullptr) archive_read_free(archive_);
  archive_ = nullptr;
}

bool OoxmlPackage::seek_to_entry(std::size_t index) {
  if (archive_ == nullptr || index < next_index_) {
    ++reopens_;
    if (!open_handle()) return false;
  }
  struct archive_entry* entry = nullptr;
  while (next_index_ <= index) {
    if (archive_read_next_header(archive_, &entry) < ARCHIVE_WARN) return false;
    ++next_index_;
  }
  return true;
}

ObjectStatus OoxmlPackage::read(const OoxmlPart& part, const Consumer& consume) {
  if (!seek_to_entry(part.index)) {
    const char* message = archive_ == nullptr ? nullptr : archive_error_string(archive_);
    std::string detail = "part " + quoted(part.name) + " could not be reached in the zip: ";
    detail += message != nullptr ? message : "libarchive gave no reason";
    close_handle();  // its state is unknown: the next read starts afresh
    return status("PARTIAL", kReasonOfficeMalformed, std::move(detail));
  }
  ObjectStatus result = read_data(part, consume);
  if (!is_complete(result)) close_handle();
  return result;
}

ObjectStatus OoxmlPackage::read_data(const OoxmlPart& part, const Consumer& consume) {
  const la_int64_t start = archive_filter_bytes(archive_, -1);
  std::uint64_t part_bytes = 0;
  for (;;) {
    const la_ssize_t got = archive_read_data(archive_, buffer_.get(), kReadBufferBytes);
    if (got == 0) return ObjectStatus{};
    if (got < 0) {
      const char* message = archive_error_string(archive_);
      const std::string text = message != nullptr ? message : "libarchive gave no reason";
      if (mentions_encryption(text)) {
        return status("PARTIAL", kReasonEncrypted,
                      "part " + quoted(part.name) + " is encrypted: " + text);
      }
      return status("PARTIAL", kReasonOfficeMalformed,
                    "part " + quoted(part.name) + " is corrupt after " +
                        std::to_string(part_bytes) + " bytes: " + text);
    }
    std::string_view chunk(buffer_.get(), static_cast<std::size_t>(got));
    std::optional<ObjectStatus> limit;
    if (part_bytes + chunk.size() > limits_.max_part_bytes) {
      chunk = chunk.substr(0, limits_.max_part_bytes - part_bytes);
      limit = status("PARTIAL", kReasonOoxmlSize,
                     "part " + quoted(part.name) + " inflates past the " +
                         std::to_string(limits_.max_part_bytes) +
                         "-byte limit per part: the rest of it was not read");
    }
    if (total_bytes_ + chunk.size() > limits_.max_total_bytes) {
      chunk = chunk.substr(0, limits_.max_total_bytes - total_bytes_);
      limit = status("PARTIAL", kReasonOoxmlSize,
                     "the parts read inflate past the " + std::to_string(limits_.max_total_bytes) +
                         "-byte limit per document: reading stopped in " + quoted(part.name));
    }
    part_bytes += chunk.size();
    total_bytes_ += chunk.size();
    const la_int64_t now = archive_filter_bytes(archive_, -1);
    const std::uint64_t compressed = now > start ? static_cast<std::uint64_t>(now - start) : 1;
    const std::uint64_t ratio = limits_.max_expansion_ratio;
    if (!limit && part_bytes >= limits_.ratio_check_floor &&
        compressed <=
            std::numeric_limits<std::uint64_t>::max() / std::max<std::uint64_t>(ratio, 1) &&
        part_bytes > compressed * ratio) {
      limit = status("PARTIAL", kReasonOoxmlRatio,
                     "part " + quoted(part.name) + " inflated " + std::to_string(compressed) +
                         " bytes into " + std::to_string(part_bytes) + ", more than " +
                         std::to_string(ratio) + " times: reading it stopped (zip bomb guard)");
    }
    if (!chunk.empty() && !consume(chunk)) return ObjectStatus{};
    if (limit) return *limit;
  }
}

std::vector<const OoxmlPart*> OoxmlPackage::reading_order(std::vector<const OoxmlPart*> wanted,
                                                          bool& reordered) const {
  reordered = false;
  std::size_t cursor = archive_ == nullptr ? 0 : next_index_;
  std::uint32_t reopens_needed = archive_ == nullptr ? 1 : 0;
  for (const OoxmlPart* part : wanted) {
    if (part->index < cursor) ++reopens_needed;
    cursor = part->index + 1;
  }
  const std::uint32_t left = limits_.max_reopens > reopens_ ? limits_.max_reopens - reopens_ : 0;
  if (reopens_needed <= left) return wanted;
  reordered = true;
  std::stable_sort(wanted.begin(), wanted.end(),
                   [](const OoxmlPart* a, const OoxmlPart* b) { return a->index < b->index; });
  return wanted;
}

ssize_t OoxmlPackage::read_callback(struct archive* /*archive*/, void* self, const void** buffer) {
  auto& package = *static_cast<OoxmlPackage*>(self);
  while (package.pending_.empty()) {
    std::string_view chunk;
    if (package.source_.pull(chunk) == Pull::kEnd) return 0;
    package.pending_ = chunk;
  }
  const std::size_t size = std::min(package.pending_.size(), kMaxSlice);
  *buffer = package.pending_.data();
  package.pending_.remove_prefix(size);
  package.position_ += size;
  return static_cast<ssize_t>(size);
}

std::int64_t OoxmlPackage::seek_callback(struct archive* /*archive*/, void* self,
                                         std::int64_t offset, int whence) {
  auto& package = *static_cast<OoxmlPackage*>(self);
  const auto size = static_cast<std::int64_t>(package.source_.seekable_size());
  std::int64_t target = offset;
  if (whence == SEEK_CUR) target += static_cast<std::int64_t>(package.position_);
  if (whence == SEEK_END) target += size;
  if (target < 0 || target > size) return ARCHIVE_FATAL;
  if (!package.source_.seek_to(static_cast<std::uint64_t>(target))) return ARCHIVE_FATAL;
  package.pending_ = {};
  package.position_ = static_cast<std::uint64_t>(target);
  return target;
}

std::int64_t OoxmlPackage::skip_callback(struct archive* archive, void* self,
                                         std::int64_t request) {
  auto& package = *static_cast<OoxmlPackage*>(self);
  const auto size = static_cast<std::int64_t>(package.source_.seekable_size());
  const auto here = static_cast<std::int64_t>(package.position_);
  const std::int64_t room = size > here ? size - here : 0;
  const std::int64_t step = std::min(std::max<std::int64_t>(request, 0), room);
  if (seek_callback(archive, self, here + step, SEEK_SET) < 0) return 0;
  return step;
}

}  // namespace tamis
