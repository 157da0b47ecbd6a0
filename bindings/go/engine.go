package tamis

/*
#include <stdlib.h>
#include <tamis/tamis.h>
*/
import "C"

import (
	"encoding/json"
	"runtime"
	"sync"
	"unsafe"
)

// Engine is a compiled configuration: managed and custom identifiers, allow lists, limits.
// It is immutable and safe for concurrent use by any number of goroutines.
type Engine struct {
	// mu lets any number of goroutines use the engine at once while Close waits for them.
	mu  sync.RWMutex
	ptr *C.tamis_engine
}

// NewEngine builds an engine from a JSON configuration (docs/config.md). An empty string builds
// the default configuration (Macie's recommended managed identifiers). A bad configuration gives
// an error matching ErrConfig whose message says where and why.
func NewEngine(configJSON string) (*Engine, error) {
	var config *C.char
	if configJSON != "" {
		config = C.CString(configJSON)
		defer C.free(unsafe.Pointer(config))
	}
	var ptr *C.tamis_engine
	var cerr *C.tamis_error
	status := C.tamis_engine_new(&ptr, config, C.size_t(len(configJSON)), &cerr)
	if err := takeError(status, cerr); err != nil {
		return nil, err
	}
	return wrapEngine(ptr), nil
}

// NewEngineFromConfig marshals config with encoding/json (a struct, a map) and builds the engine
// from it, as NewEngine does.
func NewEngineFromConfig(config any) (*Engine, error) {
	configJSON, err := json.Marshal(config)
	if err != nil {
		return nil, &Error{Status: StatusConfig, Message: "the configuration is not JSON: " + err.Error()}
	}
	return NewEngine(string(configJSON))
}

// LoadEngine rebuilds an engine from the bytes of (*Engine).Serialize without compiling its
// regular expressions again. A blob from another tamis version, Hyperscan build or CPU gives
// ErrDBVersion; a damaged, truncated or foreign blob gives ErrDBCorrupt. Either way, build the
// engine from its configuration instead.
func LoadEngine(blob []byte) (*Engine, error) {
	var data unsafe.Pointer
	if len(blob) > 0 {
		data = unsafe.Pointer(&blob[0])
	}
	var ptr *C.tamis_engine
	var cerr *C.tamis_error
	status := C.tamis_engine_deserialize(&ptr, data, C.size_t(len(blob)), &cerr)
	runtime.KeepAlive(blob)
	if err := takeError(status, cerr); err != nil {
		return nil, err
	}
	return wrapEngine(ptr), nil
}

func wrapEngine(ptr *C.tamis_engine) *Engine {
	engine := &Engine{ptr: ptr}
	// A safety net only: the collector may run it late or never, so callers should Close.
	runtime.SetFinalizer(engine, (*Engine).Close)
	return engine
}

// Serialize gives one self-contained blob holding the configuration and the compiled databases,
// for LoadEngine. The blob is tied to this tamis version, Hyperscan build and CPU: keep it as a
// cache keyed by the configuration, never as the only copy.
func (e *Engine) Serialize() ([]byte, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.ptr == nil {
		return nil, closedError("engine")
	}
	var bytes *C.char
	var length C.size_t
	var cerr *C.tamis_error
	status := C.tamis_engine_serialize(e.ptr, &bytes, &length, &cerr)
	runtime.KeepAlive(e)
	if err := takeError(status, cerr); err != nil {
		return nil, err
	}
	defer C.tamis_bytes_free(bytes)
	// Copied rather than C.GoBytes, whose int32 length would cap the blob at 2 GiB.
	blob := make([]byte, int(length))
	copy(blob, unsafe.Slice((*byte)(unsafe.Pointer(bytes)), int(length)))
	return blob, nil
}

// NewScanner creates a scanner over the engine. Use one scanner per goroutine. The scanner keeps
// the engine's compiled data alive: closing the engine first is allowed.
func (e *Engine) NewScanner() (*Scanner, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if e.ptr == nil {
		return nil, closedError("engine")
	}
	var ptr *C.tamis_scanner
	var cerr *C.tamis_error
	status := C.tamis_scanner_new(&ptr, e.ptr, &cerr)
	runtime.KeepAlive(e)
	if err := takeError(status, cerr); err != nil {
		return nil, err
	}
	return wrapScanner(ptr), nil
}

// Close frees the engine. It waits for calls in progress on other goroutines, is safe to call
// more than once, and makes later calls on the engine return ErrClosed. Scanners already created
// keep working.
func (e *Engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.ptr != nil {
		C.tamis_engine_free(e.ptr)
		e.ptr = nil
		runtime.SetFinalizer(e, nil)
	}
	return nil
}
