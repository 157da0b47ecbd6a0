// One function per kind of document: each fills a Document up to about `target_bytes` (it stops
// at the first line end past the target) with filler, decoys and planted values.
#pragma once

#include <cstddef>
#include <string_view>

#include "document.h"
#include "rng.h"

namespace tamis::corpus {

Document write_prose(Rng& rng, std::size_t target_bytes);
Document write_log(Rng& rng, std::size_t target_bytes);
Document write_csv(Rng& rng, std::size_t target_bytes);
Document write_jsonl(Rng& rng, std::size_t target_bytes);
// `extension` is one of source_extensions(), e.g. "py", "env", "yaml".
Document write_source(Rng& rng, std::size_t target_bytes, std::string_view extension);

}  // namespace tamis::corpus
