#include "match/start_finder.h"

#include <utility>

namespace tamis::match {
namespace {

HsDatabase try_compile(const std::vector<std::string>& expressions, unsigned flags) {
  std::vector<const char*> pointers;
  std::vector<unsigned> all_flags(expressions.size(), flags);
  std::vector<unsigned> ids(expressions.size(), 0);
  for (const auto& e : expressions) pointers.push_back(e.c_str());
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(pointers.data(), all_flags.data(), ids.data(),
                       static_cast<unsigned>(pointers.size()), HS_MODE_BLOCK, nullptr, &db,
                       &error) != HS_SUCCESS) {
    hs_free_compile_error(error);
    return nullptr;
  }
  return HsDatabase(db);
}

}  // namespace

StartFinder::StartFinder(std::vector<std::string> expressions, const DatabaseStore* store,
                         bool prefix_probes)
    : expressions_(std::move(expressions)), prefix_probes_(prefix_probes) {
  if (store != nullptr) preload(*store);
}

std::string StartFinder::key(std::string_view kind) const {
  std::string out = "start ";
  out += kind;
  out += '\n';
  for (const std::string& e : expressions_) {
    out += e;
    out += '\n';
  }
  return out;
}

// The same outcomes compile() can reach, from databases compiled by it before.
void StartFinder::preload(const DatabaseStore& store) {
  HsDatabase som = store.load(key("som"));
  HsDatabase probe = som ? nullptr : store.load(key("probe"));
  HsDatabase ends = som ? nullptr : store.load(key("ends"));
  HsDatabase prefix = prefix_probes_ ? store.load(key("prefix")) : nullptr;
  if (!som && !ends) return;  // not in the store: compiled on first use as usual
  if (prefix_probes_ && !prefix) return;
  std::call_once(once_, [&] {
    prefix_db_ = std::move(prefix);
    if (som) {
      db_ = std::move(som);
      method_ = Method::kLeftmostScan;
      return;
    }
    db_ = std::move(probe);
    ends_db_ = std::move(ends);
    method_ = db_ ? Method::kAnchoredProbe : Method::kUnavailable;
  });
  preloaded_ = true;
}

void StartFinder::compile() const {
  if (prefix_probes_) {
    std::vector<std::string> prefixed;
    for (const auto& e : expressions_) prefixed.push_back("^(?:" + e + ")");
    prefix_db_ = try_compile(prefixed, 0);
  }
  if ((db_ = try_compile(expressions_, HS_FLAG_SOM_LEFTMOST))) {
    method_ = Method::kLeftmostScan;
    return;
  }
  std::vector<std::string> anchored;
  for (const auto& e : expressions_) anchored.push_back("^(?:" + e + ")\\z");
  if ((db_ = try_compile(anchored, HS_FLAG_SINGLEMATCH))) method_ = Method::kAnchoredProbe;
  ends_db_ = try_compile(expressions_, 0);
  if (!ends_db_) method_ = Method::kUnavailable;
}

const hs_database_t* StartFinder::ends_database() const {
  std::call_once(once_, [this] { compile(); });
  return method_ == Method::kLeftmostScan ? db_.get() : ends_db_.get();
}

const hs_database_t* StartFinder::prefix_database() const {
  std::call_once(once_, [this] { compile(); });
  return prefix_db_.get();
}

StartFinder::Method StartFinder::method() const {
  std::call_once(once_, [this] { compile(); });
  return method_;
}

const hs_database_t* StartFinder::database() const {
  std::call_once(once_, [this] { compile(); });
  return db_.get();
}

}  // namespace tamis::match
