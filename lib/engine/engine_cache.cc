#include "engine/engine_cache.h"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "config/config_writer.h"
#include "engine/engine_image.h"

namespace tamis {
namespace {

// Everything an engine is built from. The image itself records the tamis and Hyperscan versions
// and is checked on load, so they need not be part of the name.
std::string identity(const Config& config) {
  std::string text = config_to_json(config);
  text += '\n';
  text += std::to_string(static_cast<int>(config.start_offset_mode));
  text += config.decode_in_background ? " background" : " foreground";
  return text;
}

std::uint64_t fnv1a(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::filesystem::path image_path(const std::string& cache_dir, const std::string& identity) {
  char name[40];
  std::snprintf(name, sizeof name, "%016llx.tamis-engine",
                static_cast<unsigned long long>(fnv1a(identity)));
  return std::filesystem::path(cache_dir) / name;
}

std::shared_ptr<const Engine> load(const std::filesystem::path& path, const std::string& wanted) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  // One read of the whole image: an istreambuf_iterator copy costs ~16 instructions a byte, 5 ms
  // of every CLI run for a 1 MiB image.
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return nullptr;
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return nullptr;
  LoadedEngine loaded = deserialize_engine(bytes);
  // The name is a hash: an image of another configuration with the same hash is not served.
  if (!loaded.engine || identity(loaded.engine->config()) != wanted) return nullptr;
  return std::move(loaded.engine);
}

void store(const std::filesystem::path& path, const Engine& engine) {
  auto image = serialize_engine(engine);
  if (!image) return;
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  // Written beside the final name and renamed, so a concurrent run never reads half an image.
  std::filesystem::path temp = path;
  temp += ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(image->data(), static_cast<std::streamsize>(image->size()));
    if (!out) ec = std::make_error_code(std::errc::io_error);
  }
  if (!ec) std::filesystem::rename(temp, path, ec);
  if (ec) std::filesystem::remove(temp, ec);
}

}  // namespace

Result<CachedEngine> build_engine_cached(const Config& config, const std::string& cache_dir) {
  std::filesystem::path path;
  std::string wanted;
  if (!cache_dir.empty()) {
    wanted = identity(config);
    path = image_path(cache_dir, wanted);
    if (auto engine = load(path, wanted)) return CachedEngine{std::move(engine), true};
  }
  auto built = Engine::build(config);
  if (!built) return built.error();
  if (!cache_dir.empty()) store(path, **built);
  return CachedEngine{std::move(*built), false};
}

}  // namespace tamis
