#include "engine/engine_image.h"

#include <hs/hs.h>
#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "config/config_writer.h"
#include "match/compiled_rules.h"
#include "match/database_store.h"

namespace tamis {
namespace {

// Layout (integers little-endian):
//   0  magic "TAMISENG"            8 bytes
//   8  format version              u32
//   12 CRC-32 of bytes 16..end     u32
//   16 payload length              u64   (bytes after this header)
//   24 payload: tamis version, Hyperscan version, configuration JSON (strings: u64 length +
//      bytes), start-offset mode (u8), decode in background (u8), database count (u32), then per
//      database its key and Hyperscan's serialised bytes (strings: the stream and allow-list
//      databases and every rule's start databases), then the expression analyses
//      (count u32, then per expression its key (string), min and max width (u32 each)).
constexpr std::string_view kMagic = "TAMISENG";
// 2: images carry the rules' start databases. A version-1 image would still load, but its start
// databases would be compiled in every process and a cache would never replace it.
// 3: anchored identifiers' start databases include the prefix database (start_finder.h), for the
// same reason.
constexpr std::uint32_t kFormatVersion = 3;
constexpr std::size_t kHeaderBytes = 24;

void put_u32(std::string& out, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}
void put_u64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}
void put_string(std::string& out, std::string_view text) {
  put_u64(out, text.size());
  out.append(text);
}

std::uint64_t get_le(std::string_view bytes, std::size_t width) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[i])) << (8 * i);
  }
  return value;
}

std::uint32_t crc32_of(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes lengths as uInt: feed large payloads in pieces.
  constexpr std::size_t kPiece = 1U << 30;
  for (std::size_t at = 0; at < bytes.size(); at += kPiece) {
    const std::size_t n = std::min(kPiece, bytes.size() - at);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + at), static_cast<uInt>(n));
  }
  return static_cast<std::uint32_t>(crc);
}

// Bounds-checked reading of the payload; any overrun marks the whole read as failed.
class PayloadReader {
 public:
  explicit PayloadReader(std::string_view bytes) : bytes_(bytes) {}
  std::optional<std::uint64_t> integer(std::size_t width) {
    if (bytes_.size() - at_ < width) return std::nullopt;
    const std::uint64_t value = get_le(bytes_.substr(at_, width), width);
    at_ += width;
    return value;
  }
  std::optional<std::string_view> string() {
    const auto length = integer(8);
    if (!length || *length > bytes_.size() - at_) return std::nullopt;
    const std::string_view text = bytes_.substr(at_, static_cast<std::size_t>(*length));
    at_ += text.size();
    return text;
  }
  bool at_end() const { return at_ == bytes_.size(); }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
};

// The databases of an image, each handed out once to the build, which must need all of them.
class ImageDatabases final : public match::DatabaseStore {
 public:
  void add(std::string key, match::HsDatabase db) { databases_[std::move(key)] = std::move(db); }
  void add_info(std::string key, match::ExpressionInfo info) { infos_[std::move(key)] = info; }
  match::HsDatabase load(const std::string& key) const override {
    const auto found = databases_.find(key);
    if (found == databases_.end()) return nullptr;
    return std::move(found->second);
  }
  void store(const std::string& /*key*/, const hs_database_t* /*db*/) const override {}
  bool complete() const override { return true; }
  std::optional<match::ExpressionInfo> expression_info(const std::string& key) const override {
    const auto found = infos_.find(key);
    if (found == infos_.end()) return std::nullopt;
    return found->second;
  }
  bool all_used() const {
    for (const auto& [key, db] : databases_) {
      if (db) return false;
    }
    return true;
  }

 private:
  // Loading moves a database out, from a const build interface.
  mutable std::map<std::string, match::HsDatabase> databases_;
  std::map<std::string, match::ExpressionInfo> infos_;
};

LoadedEngine failure(ImageFault fault, std::string message) {
  LoadedEngine out;
  out.fault = fault;
  out.message = "serialised engine: " + std::move(message);
  return out;
}

std::string hs_error_text(hs_error_t error) {
  switch (error) {
    case HS_DB_VERSION_ERROR:
      return "its databases were compiled by another Hyperscan version";
    case HS_DB_PLATFORM_ERROR:
      return "its databases were compiled for another CPU (instruction set) than this one";
    case HS_NOMEM:
      return "out of memory while loading its databases";
    default:
      return "a Hyperscan database is invalid (error " + std::to_string(error) + ")";
  }
}

}  // namespace

Result<std::string> serialize_engine(const Engine& engine) {
  const match::CompiledRules& rules = engine.rules();
  std::string payload;
  put_string(payload, TAMIS_VERSION);
  put_string(payload, hs_version());
  put_string(payload, config_to_json(engine.config()));
  payload.push_back(static_cast<char>(engine.config().start_offset_mode));
  payload.push_back(engine.config().decode_in_background ? 1 : 0);
  const std::pair<const std::string*, const hs_database_t*> databases[] = {
      {&rules.stream_db_key, rules.stream_db.get()},
      {&rules.allow_regex_db_key, rules.allow_regex_db.get()}};
  std::vector<std::pair<std::string, const hs_database_t*>> all;
  for (const auto& [key, db] : databases) {
    if (db != nullptr) all.emplace_back(*key, db);
  }
  // Start databases are otherwise compiled on a rule's first hit: 0.1 to 1.5 s spread over the
  // first scan of every process. The image carries them all (compiling now the ones not used yet).
  std::map<std::string, const hs_database_t*> start_databases;
  for (const match::Rule& rule : rules.rules) {
    rule.start->for_each_database(
        [&](std::string key, const hs_database_t* db) { start_databases.emplace(key, db); });
  }
  for (const auto& [key, db] : start_databases) all.emplace_back(key, db);
  put_u32(payload, static_cast<std::uint32_t>(all.size()));
  for (const auto& [key, db] : all) {
    char* bytes = nullptr;
    std::size_t length = 0;
    if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) {
      return Error{"cannot serialise a Hyperscan database (out of memory)"};
    }
    put_string(payload, key);
    put_string(payload, std::string_view(bytes, length));
    std::free(bytes);  // NOLINT(cppcoreguidelines-no-malloc): Hyperscan allocates with malloc
  }
  put_u32(payload, static_cast<std::uint32_t>(rules.expression_infos.size()));
  for (const auto& [key, info] : rules.expression_infos) {
    put_string(payload, key);
    put_u32(payload, info.min_width);
    put_u32(payload, info.max_width);
  }

  std::string out(kMagic);
  put_u32(out, kFormatVersion);
  put_u32(out, crc32_of(payload));
  put_u64(out, payload.size());
  out += payload;
  return out;
}

LoadedEngine deserialize_engine(std::string_view bytes) {
  if (bytes.size() < kHeaderBytes || bytes.substr(0, kMagic.size()) != kMagic) {
    return failure(ImageFault::kCorrupt, "not a tamis engine (no TAMISENG header)");
  }
  const auto format = static_cast<std::uint32_t>(get_le(bytes.substr(8), 4));
  if (format != kFormatVersion) {
    return failure(ImageFault::kVersion, "format version " + std::to_string(format) +
                                             ", this tamis reads version " +
                                             std::to_string(kFormatVersion));
  }
  const auto crc = static_cast<std::uint32_t>(get_le(bytes.substr(12), 4));
  const std::uint64_t length = get_le(bytes.substr(16), 8);
  const std::string_view payload = bytes.substr(kHeaderBytes);
  if (length != payload.size()) {
    return failure(ImageFault::kCorrupt,
                   "truncated or extended: " + std::to_string(payload.size()) +
                       " bytes of payload, " + std::to_string(length) + " expected");
  }
  if (crc32_of(payload) != crc) return failure(ImageFault::kCorrupt, "checksum mismatch");

  PayloadReader reader(payload);
  const auto tamis_version = reader.string();
  const auto hyperscan_version = reader.string();
  const auto config_json = reader.string();
  const auto start_mode = reader.integer(1);
  const auto background = reader.integer(1);
  const auto count = reader.integer(4);
  if (!count) return failure(ImageFault::kCorrupt, "payload ends early");
  if (*tamis_version != TAMIS_VERSION) {
    return failure(ImageFault::kVersion, "made by tamis " + std::string(*tamis_version) +
                                             ", this is tamis " + TAMIS_VERSION);
  }
  if (*hyperscan_version != hs_version()) {
    return failure(ImageFault::kVersion, "made with Hyperscan " + std::string(*hyperscan_version) +
                                             ", this is Hyperscan " + hs_version());
  }
  if (*start_mode > static_cast<std::uint64_t>(StartOffsetMode::kSomLeftmost) || *background > 1) {
    return failure(ImageFault::kCorrupt, "unknown engine options");
  }

  auto config = parse_config(*config_json);
  if (!config) {
    return failure(ImageFault::kCorrupt,
                   "its configuration does not parse: " + config.error().message);
  }
  config->start_offset_mode = static_cast<StartOffsetMode>(*start_mode);
  config->decode_in_background = *background == 1;

  ImageDatabases databases;
  for (std::uint64_t i = 0; i < *count; ++i) {
    const auto key = reader.string();
    const auto db_bytes = reader.string();
    if (!db_bytes) return failure(ImageFault::kCorrupt, "payload ends early");
    hs_database_t* db = nullptr;
    const hs_error_t loaded = hs_deserialize_database(db_bytes->data(), db_bytes->size(), &db);
    if (loaded != HS_SUCCESS) {
      const bool version = loaded == HS_DB_VERSION_ERROR || loaded == HS_DB_PLATFORM_ERROR;
      return failure(version ? ImageFault::kVersion : ImageFault::kCorrupt, hs_error_text(loaded));
    }
    databases.add(std::string(*key), match::HsDatabase(db));
  }
  const auto info_count = reader.integer(4);
  if (!info_count) return failure(ImageFault::kCorrupt, "payload ends early");
  for (std::uint64_t i = 0; i < *info_count; ++i) {
    const auto key = reader.string();
    const auto min_width = reader.integer(4);
    const auto max_width = reader.integer(4);
    if (!max_width) return failure(ImageFault::kCorrupt, "payload ends early");
    databases.add_info(std::string(*key), {static_cast<std::uint32_t>(*min_width),
                                           static_cast<std::uint32_t>(*max_width)});
  }
  if (!reader.at_end()) return failure(ImageFault::kCorrupt, "unexpected bytes after the payload");

  BuildOptions options;
  options.databases = &databases;
  auto engine = Engine::build(*config, options);
  // The checksum held, so a mismatch means the image came from a build that compiles this
  // configuration differently (another catalogue), not from damage.
  if (!engine) return failure(ImageFault::kVersion, engine.error().message);
  if (!databases.all_used()) {
    return failure(ImageFault::kVersion,
                   "it holds databases this build does not compile from its configuration");
  }
  LoadedEngine out;
  out.engine = std::move(*engine);
  return out;
}

}  // namespace tamis
