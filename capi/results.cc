// Scan results as Macie result documents, one per object.
#include "capi_internal.h"
#include "report/json_writer.h"

namespace tamis::capi {

std::unique_ptr<tamis_result> make_result(const std::vector<ObjectResult>& objects) {
  auto result = std::make_unique<tamis_result>();
  result->documents.reserve(objects.size());
  for (const ObjectResult& object : objects) result->documents.push_back(result_to_json(object));
  return result;
}

}  // namespace tamis::capi

extern "C" {

size_t tamis_result_count(const tamis_result* result) {
  return result == nullptr ? 0 : result->documents.size();
}

tamis_status tamis_result_json(const tamis_result* result, size_t index, const char** json,
                               size_t* len) {
  return tamis::capi::guarded(nullptr, [&]() -> tamis_status {
    if (json != nullptr) *json = nullptr;
    if (len != nullptr) *len = 0;
    if (result == nullptr || json == nullptr || index >= result->documents.size()) {
      return TAMIS_E_INVALID_ARG;
    }
    const std::string& document = result->documents[index];
    *json = document.c_str();
    if (len != nullptr) *len = document.size();
    return TAMIS_OK;
  });
}

tamis_status tamis_result_jsonl(const tamis_result* result, const char** json, size_t* len) {
  return tamis::capi::guarded(nullptr, [&]() -> tamis_status {
    if (json != nullptr) *json = nullptr;
    if (len != nullptr) *len = 0;
    if (result == nullptr || json == nullptr) return TAMIS_E_INVALID_ARG;
    std::call_once(result->jsonl_once, [result] {
      std::size_t total = 0;
      for (const std::string& document : result->documents) total += document.size() + 1;
      result->jsonl.reserve(total);
      for (const std::string& document : result->documents) {
        result->jsonl += document;
        result->jsonl += '\n';
      }
    });
    *json = result->jsonl.c_str();
    if (len != nullptr) *len = result->jsonl.size();
    return TAMIS_OK;
  });
}

void tamis_result_free(tamis_result* result) { delete result; }

}  // extern "C"
