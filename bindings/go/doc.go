// Package tamis scans data for sensitive information (personal, financial and credential data,
// plus custom identifiers) with the tamis engine, through its C ABI (include/tamis/tamis.h,
// libtamis.so, found with pkg-config).
//
// An Engine is built once from a JSON configuration and is safe for concurrent use: share it
// between goroutines. A Scanner holds per-scan scratch state: give each goroutine its own
// (a Scanner used by two goroutines at once serialises them instead of corrupting memory).
// Results are Amazon Macie "sensitive data discovery result" documents, parsed into Go structs
// with the original JSON kept.
//
// Engines and Scanners hold C memory: call Close when done. A finalizer frees them if Close is
// forgotten, but only when the garbage collector gets to it.
//
// Errors returned by the library are *Error values carrying the C status; compare them with
// errors.Is(err, tamis.ErrConfig) and the other sentinels.
package tamis
