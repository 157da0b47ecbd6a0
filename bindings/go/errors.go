package tamis

/*
#include <tamis/tamis.h>
*/
import "C"

import "errors"

// Status is a tamis_status code from tamis.h. Its values are the C ABI's and never change.
type Status int

// The statuses of tamis.h.
const (
	StatusOK          Status = C.TAMIS_OK
	StatusInvalidArg  Status = C.TAMIS_E_INVALID_ARG
	StatusNoMem       Status = C.TAMIS_E_NOMEM
	StatusConfig      Status = C.TAMIS_E_CONFIG
	StatusIO          Status = C.TAMIS_E_IO
	StatusStopped     Status = C.TAMIS_E_STOPPED
	StatusUnsupported Status = C.TAMIS_E_UNSUPPORTED
	StatusDBVersion   Status = C.TAMIS_E_DB_VERSION
	StatusDBCorrupt   Status = C.TAMIS_E_DB_CORRUPT
	StatusInternal    Status = C.TAMIS_E_INTERNAL
)

// String gives the C name of the status ("TAMIS_E_CONFIG").
func (s Status) String() string {
	return C.GoString(C.tamis_status_str(C.tamis_status(s)))
}

// Error is a failed tamis call: the C status and the library's message.
type Error struct {
	Status  Status
	Message string
	cause   error // a Go-side cause (ErrClosed), exposed through Unwrap
}

func (e *Error) Error() string {
	if e.Message == "" {
		return "tamis: " + e.Status.String()
	}
	return "tamis: " + e.Status.String() + ": " + e.Message
}

// Is makes errors.Is(err, ErrConfig) true for every *Error with that status, whatever its message.
func (e *Error) Is(target error) bool {
	sentinel, ok := target.(*Error)
	return ok && sentinel.Message == "" && sentinel.cause == nil && sentinel.Status == e.Status
}

func (e *Error) Unwrap() error { return e.cause }

// Sentinels for errors.Is: each matches every *Error with its status.
var (
	ErrInvalidArg  = &Error{Status: StatusInvalidArg}
	ErrNoMem       = &Error{Status: StatusNoMem}
	ErrConfig      = &Error{Status: StatusConfig}
	ErrIO          = &Error{Status: StatusIO}
	ErrStopped     = &Error{Status: StatusStopped}
	ErrUnsupported = &Error{Status: StatusUnsupported}
	ErrDBVersion   = &Error{Status: StatusDBVersion}
	ErrDBCorrupt   = &Error{Status: StatusDBCorrupt}
	ErrInternal    = &Error{Status: StatusInternal}
)

// ErrClosed is returned (wrapped in an *Error with StatusInvalidArg) when an Engine or Scanner is
// used after Close.
var ErrClosed = errors.New("tamis: use after Close")

func closedError(what string) error {
	return &Error{Status: StatusInvalidArg, Message: what + " used after Close", cause: ErrClosed}
}

func invalidArg(message string) error {
	return &Error{Status: StatusInvalidArg, Message: message}
}

// takeError turns a C status and its optional tamis_error into a Go error, freeing the C error.
func takeError(status C.tamis_status, cerr *C.tamis_error) error {
	defer C.tamis_error_free(cerr)
	if status == C.TAMIS_OK {
		return nil
	}
	message := ""
	if cerr != nil {
		message = C.GoString(C.tamis_error_message(cerr))
	}
	return &Error{Status: Status(status), Message: message}
}
