// Member names as they are reported: archive names are untrusted text, never file-system paths.
#pragma once

#include <string>
#include <string_view>

namespace tamis {

// The name made safe to print and to put in a result: C0 and C1 control characters and DEL become
// `\xNN`; a name that is not valid UTF-8 as a whole has every non-ASCII byte escaped that way.
// An escaped name has its backslashes escaped too (`\x5c`), so the result is unambiguous; a name
// needing none of this is returned as it is.
// `../`, leading `/` and the like are kept as they are: they are only ever shown, never used to
// open anything.
std::string escape_member_name(std::string_view raw);

// The name of the one member of a single compressed stream: the object's last path component
// without its compressor suffix (`notes.txt.gz` -> `notes.txt`, `logs.tgz` -> `logs.tar`), or
// `data` when the name has no known suffix.
std::string single_stream_member_name(std::string_view object_path);

// `outer.tar.gz` + `bundle/data.zip` -> `outer.tar.gz/bundle/data.zip`.
std::string join_member_path(std::string_view parent, std::string_view member);

}  // namespace tamis
