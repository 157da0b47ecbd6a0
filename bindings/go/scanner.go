package tamis

/*
#include <stdlib.h>
#include <tamis/tamis.h>

extern ptrdiff_t tamisGoRead(void* user, void* buffer, size_t capacity);
*/
import "C"

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"unsafe"
)

// Scanner scans objects with one engine's identifiers. It holds per-scan scratch memory: use one
// Scanner per goroutine (it may move between goroutines). A scan started while another is in
// progress on the same Scanner fails with ErrInvalidArg instead of corrupting that state.
type Scanner struct {
	mu  sync.Mutex
	ptr *C.tamis_scanner
}

func wrapScanner(ptr *C.tamis_scanner) *Scanner {
	scanner := &Scanner{ptr: ptr}
	// A safety net only: the collector may run it late or never, so callers should Close.
	runtime.SetFinalizer(scanner, (*Scanner).Close)
	return scanner
}

// Close frees the scanner. It waits for a scan in progress on another goroutine (so never call
// it from that scan's OnOccurrence callback), is safe to call more than once, and makes later
// scans return ErrClosed.
func (s *Scanner) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ptr != nil {
		C.tamis_scanner_free(s.ptr)
		s.ptr = nil
		runtime.SetFinalizer(s, nil)
	}
	return nil
}

// Scan scans data as one object: archives and compressed data are walked (one Object per
// member), text encodings decoded, CSV and JSON scanned value by value. Options: WithName, Raw,
// OnOccurrence.
func (s *Scanner) Scan(data []byte, opts ...ScanOption) (*Result, error) {
	return s.run(collectSettings(opts), nil, func(ptr *C.tamis_scanner, call *scanCall,
		out **C.tamis_result, cerr **C.tamis_error) C.tamis_status {
		var bytes unsafe.Pointer
		if len(data) > 0 {
			bytes = unsafe.Pointer(&data[0])
		}
		status := C.tamis_scan_buffer(ptr, bytes, C.size_t(len(data)), call.name, call.opts, out, cerr)
		runtime.KeepAlive(data)
		return status
	})
}

// ScanFile scans the file at path like Scan, reading it in bounded chunks. A missing or
// unreadable file gives ErrIO; other problems (too large, not a regular file, a corrupt archive)
// are reported in the Object's Status, as Macie does. Options: Raw, OnOccurrence.
func (s *Scanner) ScanFile(path string, opts ...ScanOption) (*Result, error) {
	settings := collectSettings(opts)
	if settings.nameSet {
		return nil, invalidArg("WithName does not apply to ScanFile: the path names the object")
	}
	if path == "" || strings.IndexByte(path, 0) >= 0 {
		return nil, invalidArg(fmt.Sprintf("file path %q is empty or contains a NUL byte", path))
	}
	cpath := C.CString(path)
	defer C.free(unsafe.Pointer(cpath))
	return s.run(settings, nil, func(ptr *C.tamis_scanner, call *scanCall,
		out **C.tamis_result, cerr **C.tamis_error) C.tamis_status {
		return C.tamis_scan_file(ptr, cpath, call.opts, out, cerr)
	})
}

// ScanReader scans the object r gives, like Scan, while its bytes stream through: memory does
// not grow with the object (a 7z archive, whose index is at its end, needs Scan or ScanFile).
// r is read on the calling goroutine until io.EOF. When r fails, the Object is PARTIAL with
// reason SOURCE_OBJECT_NO_LONGER_AVAILABLE, keeping what was found before, and the error
// returned wraps r's error. Options: WithName, Raw, OnOccurrence.
func (s *Scanner) ScanReader(r io.Reader, opts ...ScanOption) (*Result, error) {
	if r == nil {
		return nil, invalidArg("ScanReader needs a reader")
	}
	return s.run(collectSettings(opts), r, func(ptr *C.tamis_scanner, call *scanCall,
		out **C.tamis_result, cerr **C.tamis_error) C.tamis_status {
		return C.tamis_scan_reader(ptr, C.tamis_read_cb(C.tamisGoRead), call.readUser(), call.name,
			call.opts, out, cerr)
	})
}

type scanFunc func(ptr *C.tamis_scanner, call *scanCall, out **C.tamis_result,
	cerr **C.tamis_error) C.tamis_status

// run holds the scanner for one scan and turns the C outcome into Go values.
func (s *Scanner) run(settings scanSettings, reader io.Reader, scan scanFunc) (*Result, error) {
	if !s.mu.TryLock() {
		return nil, invalidArg("the scanner is busy with another scan: use one Scanner per goroutine")
	}
	defer s.mu.Unlock()
	if s.ptr == nil {
		return nil, closedError("scanner")
	}
	call, err := newScanCall(settings, reader)
	if err != nil {
		return nil, err
	}
	defer call.release()
	var out *C.tamis_result
	var cerr *C.tamis_error
	status := scan(s.ptr, call, &out, &cerr)
	runtime.KeepAlive(s)
	return call.finish(status, out, cerr)
}
