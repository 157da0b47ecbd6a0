// The version `tamis --version` prints: the project's version, passed in by the build
// (lib/CMakeLists.txt defines TAMIS_VERSION for everything that links tamis_core).
#pragma once

#include <string_view>

namespace tamis::cli {

inline constexpr std::string_view kVersion = TAMIS_VERSION;

}  // namespace tamis::cli
