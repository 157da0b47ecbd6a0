#include "match/expression_set.h"

#include <cstdlib>
#include <limits>

namespace tamis::match {

Result<ExpressionInfo> check_expression(const std::string& expression, unsigned flags,
                                        const std::string& owner) {
  hs_expr_info_t* raw_info = nullptr;
  hs_compile_error_t* raw_error = nullptr;
  if (hs_expression_info(expression.c_str(), flags, &raw_info, &raw_error) != HS_SUCCESS) {
    HsCompileError error(raw_error);
    return Error{owner + ": expression does not compile: " +
                 (error ? std::string(error->message) : std::string("unknown error")) +
                 " (expression: " + expression + ")"};
  }
  ExpressionInfo info{raw_info->min_width, raw_info->max_width};
  // hs_expression_info allocates with the default allocator (malloc).
  std::free(raw_info);  // NOLINT(cppcoreguidelines-no-malloc)
  if (info.max_width == 0) {
    return Error{owner + ": expression can only match empty text (expression: " + expression + ")"};
  }
  if (info.max_width == std::numeric_limits<unsigned>::max()) {
    info.max_width = std::numeric_limits<std::uint32_t>::max();
  }
  return info;
}

void ExpressionSet::add(std::string expression, unsigned flags, unsigned id, std::string owner) {
  expressions_.push_back(std::move(expression));
  flags_.push_back(flags);
  ids_.push_back(id);
  owners_.push_back(std::move(owner));
}

ExpressionSet ExpressionSet::with_flags(unsigned extra) const {
  ExpressionSet copy = *this;
  for (unsigned& f : copy.flags_) f |= extra;
  return copy;
}

std::string ExpressionSet::key(unsigned mode) const {
  std::string key = "mode " + std::to_string(mode) + "\n";
  for (std::size_t i = 0; i < expressions_.size(); ++i) {
    key += std::to_string(ids_[i]);
    key += ' ';
    key += std::to_string(flags_[i]);
    key += ' ';
    key += expressions_[i];
    key += '\n';
  }
  return key;
}

Result<CompiledDatabase> ExpressionSet::compile(unsigned mode, const char* what,
                                                const DatabaseStore* store) const {
  std::string key = this->key(mode);
  if (store != nullptr) {
    if (HsDatabase stored = store->load(key)) return CompiledDatabase{std::move(stored), key};
    if (store->complete()) {
      return Error{std::string(what) +
                   " is not among the precompiled databases: they were compiled by another build"};
    }
  }
  std::vector<const char*> pointers;
  pointers.reserve(expressions_.size());
  for (const auto& e : expressions_) pointers.push_back(e.c_str());
  hs_database_t* raw_db = nullptr;
  hs_compile_error_t* raw_error = nullptr;
  const hs_error_t rc =
      hs_compile_multi(pointers.data(), flags_.data(), ids_.data(),
                       static_cast<unsigned>(pointers.size()), mode, nullptr, &raw_db, &raw_error);
  if (rc != HS_SUCCESS) {
    HsCompileError error(raw_error);
    std::string message = std::string(what) + " does not compile: ";
    message += error ? error->message : "unknown error";
    if (error && error->expression >= 0 &&
        static_cast<std::size_t>(error->expression) < expressions_.size()) {
      const auto index = static_cast<std::size_t>(error->expression);
      message += " (" + owners_[index] + ", expression: " + expressions_[index] + ")";
    }
    return Error{message};
  }
  if (store != nullptr) store->store(key, raw_db);
  return CompiledDatabase{HsDatabase(raw_db), std::move(key)};
}

}  // namespace tamis::match
