// The version `tamis --version` prints. The build may pass the project's version in; otherwise it
// is the version this source tree was released as.
#pragma once

#include <string_view>

namespace tamis::cli {

#ifdef TAMIS_VERSION
inline constexpr std::string_view kVersion = TAMIS_VERSION;
#else
inline constexpr std::string_view kVersion = "0.1.0";
#endif

}  // namespace tamis::cli
