// This executable is a consumer of the installed API only: <tamis/tamis.hpp> and libtamis.so.
// Seeing the engine's internal headers or its usage requirements here would mean the shared
// library leaks lib/ into its users; these checks fail the build if it does.
#include "test_support.h"

#if __has_include("engine/engine.h") || __has_include("config/config.h")
#error "lib/ is on the include path of a libtamis consumer"
#endif
#ifdef TAMIS_VERSION
#error "tamis_core's compile definitions reach a consumer of libtamis"
#endif
