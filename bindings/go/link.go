package tamis

// Every file of the package includes tamis.h; this one says where it and libtamis.so come from.
// pkg-config finds tamis.pc through PKG_CONFIG_PATH (an installed tamis, or a build tree's
// <build>/pkgconfig).

/*
#cgo pkg-config: tamis
#include <tamis/tamis.h>
*/
import "C"

// Version is the version of the loaded libtamis ("MAJOR.MINOR.PATCH").
func Version() string {
	return C.GoString(C.tamis_version())
}
