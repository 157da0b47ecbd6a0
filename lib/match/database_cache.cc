#include "match/database_cache.h"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

namespace tamis::match {
namespace {

std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// The database is only valid for the Hyperscan build and CPU it was compiled on.
std::string full_key(const std::string& key) {
  return std::string("tamis-hsdb-1\n") + hs_version() + "\n" + key;
}

}  // namespace

std::string DatabaseCache::path_for(const std::string& key) const {
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.hsdb", static_cast<unsigned long long>(fnv1a(key)));
  return (std::filesystem::path(directory_) / name).string();
}

HsDatabase DatabaseCache::load(const std::string& key) const {
  if (directory_.empty()) return nullptr;
  const std::string expected = full_key(key);
  std::ifstream in(path_for(expected), std::ios::binary);
  if (!in) return nullptr;
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (content.size() <= expected.size() + 1 || content.compare(0, expected.size(), expected) != 0 ||
      content[expected.size()] != '\0') {
    return nullptr;
  }
  const char* bytes = content.data() + expected.size() + 1;
  const std::size_t length = content.size() - expected.size() - 1;
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(bytes, length, &db) != HS_SUCCESS) return nullptr;
  return HsDatabase(db);
}

void DatabaseCache::store(const std::string& key, const hs_database_t* db) const {
  if (directory_.empty() || db == nullptr) return;
  char* bytes = nullptr;
  std::size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) return;
  const std::string expected = full_key(key);
  const std::string path = path_for(expected);
  std::error_code ec;
  std::filesystem::create_directories(directory_, ec);
  // Write beside the final name and rename, so concurrent runs never read half a file.
  const std::string temp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(expected.data(), static_cast<std::streamsize>(expected.size()));
    out.put('\0');
    out.write(bytes, static_cast<std::streamsize>(length));
    if (!out) ec = std::make_error_code(std::errc::io_error);
  }
  std::free(bytes);  // NOLINT(cppcoreguidelines-no-malloc): allocated by Hyperscan with malloc
  if (!ec) std::filesystem::rename(temp, path, ec);
  if (ec) std::filesystem::remove(temp, ec);
}

}  // namespace tamis::match
