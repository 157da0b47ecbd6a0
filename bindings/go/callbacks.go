package tamis

// The C side of the callbacks. A file with //export may only declare in its preamble, so the
// trampolines live here alone; the scan's Go state comes back through the cgo.Handle in user.

/*
#include <tamis/tamis.h>
*/
import "C"

import (
	"runtime/cgo"
	"unsafe"
)

//export tamisGoOccurrence
func tamisGoOccurrence(occurrence *C.tamis_occurrence, user unsafe.Pointer) C.int {
	call := cgo.Handle(uintptr(user)).Value().(*scanCall)
	if call.occurrence(occurrence) {
		return 1
	}
	return 0
}

//export tamisGoRead
func tamisGoRead(user unsafe.Pointer, buffer unsafe.Pointer, capacity C.size_t) C.ptrdiff_t {
	call := cgo.Handle(uintptr(user)).Value().(*scanCall)
	return C.ptrdiff_t(call.read(unsafe.Slice((*byte)(buffer), int(capacity))))
}
