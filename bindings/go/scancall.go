package tamis

/*
#include <stdlib.h>
#include <tamis/tamis.h>

// The Go trampolines of callbacks.go (cgo writes their definitions).
extern int tamisGoOccurrence(tamis_occurrence* occurrence, void* user);
extern ptrdiff_t tamisGoRead(void* user, void* buffer, size_t capacity);

// A cgo.Handle is an integer, not a Go pointer: C only hands it back to the trampolines.
static void* tamis_go_handle(uintptr_t handle) { return (void*)handle; }
*/
import "C"

import (
	"fmt"
	"io"
	"runtime/cgo"
	"strings"
	"unsafe"
)

// scanCall is the state of one scan shared with the C callbacks: the options in C memory, the
// Go callback and reader behind a cgo.Handle, and what they reported (reader error, panic).
type scanCall struct {
	settings scanSettings
	reader   io.Reader

	name   *C.char
	opts   *C.tamis_scan_options
	handle cgo.Handle

	readDone bool
	readErr  error // the reader's own failure, returned to the caller with the PARTIAL result

	panicked   bool
	panicValue any
}

// maxEmptyReads bounds how often a reader may return (0, nil) in a row, as io.ReadAll's callers do.
const maxEmptyReads = 100

func newScanCall(settings scanSettings, reader io.Reader) (*scanCall, error) {
	if strings.IndexByte(settings.name, 0) >= 0 {
		return nil, invalidArg(fmt.Sprintf("object name %q contains a NUL byte", settings.name))
	}
	call := &scanCall{settings: settings, reader: reader}
	call.opts = (*C.tamis_scan_options)(C.malloc(C.sizeof_tamis_scan_options))
	if call.opts == nil {
		return nil, &Error{Status: StatusNoMem, Message: "scan options"}
	}
	C.tamis_scan_options_init(call.opts)
	if settings.raw {
		call.opts.flags |= C.TAMIS_SCAN_RAW
	}
	if settings.nameSet {
		call.name = C.CString(settings.name)
	}
	if settings.onOccurrence != nil || reader != nil {
		call.handle = cgo.NewHandle(call)
		call.opts.user = C.tamis_go_handle(C.uintptr_t(call.handle))
	}
	if settings.onOccurrence != nil {
		call.opts.on_occurrence = C.tamis_occurrence_cb(C.tamisGoOccurrence)
	}
	return call, nil
}

// readUser is the read_user pointer of tamis_scan_reader.
func (c *scanCall) readUser() unsafe.Pointer {
	return C.tamis_go_handle(C.uintptr_t(c.handle))
}

func (c *scanCall) release() {
	if c.handle != 0 {
		c.handle.Delete()
	}
	C.free(unsafe.Pointer(c.opts))
	C.free(unsafe.Pointer(c.name))
}

// recoverPanic keeps a callback's panic for finish: unwinding through the C++ frames of the scan
// would skip their cleanup.
func (c *scanCall) recoverPanic() {
	if r := recover(); r != nil {
		c.panicked = true
		c.panicValue = r
	}
}

// occurrence runs the Go callback; true stops the scan.
func (c *scanCall) occurrence(occ *C.tamis_occurrence) (stop bool) {
	stop = true // unless the callback returns normally
	defer c.recoverPanic()
	return !c.settings.onOccurrence(occurrenceFromC(occ))
}

// read fills buffer from the Go reader: the byte count, 0 at the end, -1 when the reader failed.
func (c *scanCall) read(buffer []byte) (n int) {
	if c.readDone {
		if c.readErr != nil || c.panicked {
			return -1
		}
		return 0
	}
	n = -1 // unless the reader returns normally
	defer func() {
		if r := recover(); r != nil {
			c.panicked = true
			c.panicValue = r
			c.readDone = true
		}
	}()
	for empty := 0; empty < maxEmptyReads; empty++ {
		got, err := c.reader.Read(buffer)
		if got < 0 || got > len(buffer) {
			c.readDone = true
			c.readErr = fmt.Errorf("tamis: the reader returned %d bytes for a %d-byte buffer", got, len(buffer))
			return -1
		}
		if err != nil {
			c.readDone = true
			if err != io.EOF {
				c.readErr = err
			}
		}
		if got > 0 {
			return got // a failure that came with bytes is reported on the next call
		}
		if c.readDone {
			if c.readErr != nil {
				return -1
			}
			return 0
		}
	}
	c.readDone = true
	c.readErr = io.ErrNoProgress
	return -1
}

// finish turns the C call's outcome into Go: the results (also on ErrStopped, as the C ABI
// gives them), the call's error or else the reader's, and a callback's panic raised again.
func (c *scanCall) finish(status C.tamis_status, out *C.tamis_result, cerr *C.tamis_error) (*Result, error) {
	defer C.tamis_result_free(out)
	err := takeError(status, cerr)
	if c.panicked {
		panic(c.panicValue)
	}
	if err == nil && c.readErr != nil {
		err = fmt.Errorf("tamis: reading the object failed, its result is PARTIAL: %w", c.readErr)
	}
	if out == nil {
		return nil, err
	}
	result, parseErr := resultFromC(out)
	if parseErr != nil {
		return nil, parseErr
	}
	return result, err
}
