/*
 * tamis.h: the stable C ABI of tamis, an embeddable sensitive-data scanning engine.
 *
 * Conventions
 *  1. Ownership. Every object the library creates is released by its own *_free function
 *     (tamis_engine_free, tamis_scanner_free, tamis_result_free, tamis_error_free). Every *_free
 *     function accepts NULL. Pointers the library returns inside an object (result JSON, error
 *     messages) are borrowed: valid until that object is freed. Pointers passed to a callback are
 *     valid only during that call.
 *  2. Errors. Every fallible call returns a tamis_status: TAMIS_OK (0) on success, a negative code
 *     otherwise. Output parameters come first; the last parameter is `tamis_error **err`, which
 *     may be NULL. On failure, when err is not NULL, *err receives a tamis_error holding a
 *     readable message (the caller frees it); on success *err is set to NULL. Errors are per call,
 *     never thread-local. On failure, *out is set to NULL, except TAMIS_E_STOPPED (see 5).
 *  3. Threads. A tamis_engine is immutable once built: share it across any number of threads.
 *     A tamis_scanner holds per-thread scratch state: use one scanner per thread (a scanner may
 *     move between threads, but never be used by two at once). A scanner keeps its engine alive,
 *     so the engine may be freed before its scanners. Results and errors are plain data.
 *  4. Sizes and lengths are size_t; offsets, lines and counts are uint64_t. Strings are UTF-8 and
 *     NUL-terminated; a string passed with a length need not be.
 *  5. Callbacks. An occurrence callback returning non-zero stops the scan: the call then returns
 *     TAMIS_E_STOPPED and still sets *out to the results found so far (marked PARTIAL), which the
 *     caller frees as usual.
 *  6. Versioned structs. A public struct starts with `size_t struct_size`, set by the caller to
 *     sizeof the struct as compiled (use the *_INIT macro or *_init function). The library reads
 *     min(struct_size, its own size); a larger struct is accepted only when the extra tail is all
 *     zero, otherwise TAMIS_E_UNSUPPORTED. Fields are only ever appended; a zero field always
 *     means the default. Structs contain no bool or enum fields (uint32_t and flag bits instead).
 *  7. Status codes and flag bits are ABI: values are never renumbered, new ones are appended.
 *  8. No C++ exception ever crosses this interface: every entry point catches.
 */
#ifndef TAMIS_TAMIS_H
#define TAMIS_TAMIS_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(TAMIS_STATIC)
#define TAMIS_API
#elif defined(TAMIS_BUILDING_LIBRARY)
#define TAMIS_API __declspec(dllexport)
#else
#define TAMIS_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#define TAMIS_API __attribute__((visibility("default")))
#else
#define TAMIS_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Version ---------------------------------------------------------------------------- */

#define TAMIS_VERSION_MAJOR 0
#define TAMIS_VERSION_MINOR 1
#define TAMIS_VERSION_PATCH 0
/* MAJOR * 10000 + MINOR * 100 + PATCH of the header; compare with tamis_version_number(). */
#define TAMIS_VERSION_NUMBER \
  (TAMIS_VERSION_MAJOR * 10000 + TAMIS_VERSION_MINOR * 100 + TAMIS_VERSION_PATCH)

/** The library's version as "MAJOR.MINOR.PATCH" (static storage). */
TAMIS_API const char* tamis_version(void);
/** The library's version number at run time, MAJOR * 10000 + MINOR * 100 + PATCH. */
TAMIS_API uint32_t tamis_version_number(void);

/* ---- Status and errors ------------------------------------------------------------------ */

typedef int tamis_status; /* values are ABI: append only, never renumber */
enum {
  TAMIS_OK = 0,
  TAMIS_E_INVALID_ARG = -1, /* NULL or out-of-range argument, call out of sequence */
  TAMIS_E_NOMEM = -2,       /* out of memory */
  TAMIS_E_CONFIG = -3,      /* configuration JSON invalid; the message says where and why */
  TAMIS_E_IO = -4,          /* a file could not be opened or read */
  TAMIS_E_STOPPED = -5,     /* the occurrence callback asked to stop */
  TAMIS_E_UNSUPPORTED = -6, /* unknown flag bits, struct with unknown non-zero fields */
  TAMIS_E_DB_VERSION = -7,  /* serialised engine from another tamis, Hyperscan or CPU */
  TAMIS_E_DB_CORRUPT = -8,  /* serialised engine damaged, truncated or not an engine at all */
  TAMIS_E_INTERNAL = -99    /* a bug in tamis: please report the message */
};

/** A static, readable name for a status ("TAMIS_E_CONFIG"); "unknown status" for others. */
TAMIS_API const char* tamis_status_str(tamis_status status);

/** Per-call error detail. Ownership: the caller frees it with tamis_error_free. */
typedef struct tamis_error tamis_error;
/** The status the failed call returned (TAMIS_E_INVALID_ARG for NULL). */
TAMIS_API tamis_status tamis_error_status(const tamis_error* error);
/** The message, valid until the error is freed; "" for NULL. */
TAMIS_API const char* tamis_error_message(const tamis_error* error);
TAMIS_API void tamis_error_free(tamis_error* error);

/* ---- Engine ------------------------------------------------------------------------------ */

/**
 * The compiled managed identifiers, custom identifiers and allow lists of one configuration.
 * Thread-safety: immutable, share it across threads. Ownership: tamis_engine_free.
 */
typedef struct tamis_engine tamis_engine;

/**
 * Builds an engine from a JSON configuration (docs/config.md: Macie's managed identifier
 * selection, custom identifiers, allow lists, limits). config_json NULL or len 0 builds the
 * default configuration (Macie's recommended managed identifiers). A configuration error returns
 * TAMIS_E_CONFIG with the parser's message (JSON position or pointer, identifier name). Relative
 * allow-list file paths resolve against the current directory.
 */
TAMIS_API tamis_status tamis_engine_new(tamis_engine** out, const char* config_json, size_t len,
                                        tamis_error** err);
TAMIS_API void tamis_engine_free(tamis_engine* engine);

/**
 * Serialises the engine into one self-contained blob: its configuration (allow-list files
 * inlined) and its compiled Hyperscan databases, with a format version and a checksum. Loading
 * the blob skips the regex compilation, so a process starts scanning in milliseconds. A blob is
 * tied to the tamis version, the Hyperscan build and the CPU features it was made with; store it
 * as a cache, keyed by your configuration, never as the only copy. *bytes is owned by the caller
 * and freed with tamis_bytes_free.
 */
TAMIS_API tamis_status tamis_engine_serialize(const tamis_engine* engine, char** bytes, size_t* len,
                                              tamis_error** err);
/** Frees the bytes of tamis_engine_serialize. NULL ignored. */
TAMIS_API void tamis_bytes_free(char* bytes);
/**
 * Loads an engine from tamis_engine_serialize's bytes. A blob from another tamis version, or
 * compiled for another Hyperscan build or CPU, gives TAMIS_E_DB_VERSION; a truncated, damaged or
 * foreign blob gives TAMIS_E_DB_CORRUPT. Either way, build the engine from its configuration.
 */
TAMIS_API tamis_status tamis_engine_deserialize(tamis_engine** out, const void* bytes, size_t len,
                                                tamis_error** err);

/* ---- Scanner ----------------------------------------------------------------------------- */

/**
 * Per-thread scanning state over one engine. Thread-safety: one thread at a time.
 * Ownership: tamis_scanner_free. The scanner keeps its engine alive.
 */
typedef struct tamis_scanner tamis_scanner;

TAMIS_API tamis_status tamis_scanner_new(tamis_scanner** out, const tamis_engine* engine,
                                         tamis_error** err);
TAMIS_API void tamis_scanner_free(tamis_scanner* scanner);

/* ---- Occurrences and scan options -------------------------------------------------------- */

/* tamis_occurrence.category */
#define TAMIS_CATEGORY_CREDENTIALS 1u
#define TAMIS_CATEGORY_FINANCIAL_INFORMATION 2u
#define TAMIS_CATEGORY_PERSONAL_INFORMATION 3u
#define TAMIS_CATEGORY_CUSTOM_IDENTIFIER 4u

/* tamis_occurrence.severity: Macie's score */
#define TAMIS_SEVERITY_NONE 0u
#define TAMIS_SEVERITY_LOW 1u
#define TAMIS_SEVERITY_MEDIUM 2u
#define TAMIS_SEVERITY_HIGH 3u

/* tamis_occurrence.location: what start/end are relative to */
#define TAMIS_LOCATION_TEXT 0u   /* offsets in the object's (decoded) text */
#define TAMIS_LOCATION_CELL 1u   /* a CSV/TSV/spreadsheet cell: offsets inside the cell */
#define TAMIS_LOCATION_RECORD 2u /* a JSON/JSON Lines value: offsets inside the value */

/**
 * One occurrence, passed to the occurrence callback. Every pointer is borrowed and valid only
 * during the callback; string fields are never NULL ("" when they do not apply).
 */
typedef struct tamis_occurrence {
  size_t struct_size;      /* sizeof(tamis_occurrence) as the library compiled it */
  const char* object_path; /* the object, or archive member as "outer.zip/dir/member.csv" */
  const char* type;        /* managed identifier id ("USA_SOCIAL_SECURITY_NUMBER") or custom name */
  uint32_t category;       /* TAMIS_CATEGORY_* */
  uint32_t severity;       /* TAMIS_SEVERITY_*, counting the occurrences found so far */
  uint64_t start;          /* byte offset of the first byte of the found text */
  uint64_t end;            /* byte offset one past its last byte */
  uint64_t line;           /* 1-based line of start */
  uint64_t column;         /* 1-based column of start, in characters */
  const char* text;        /* masked preview, or the value when the config reveals values */
  const char* cell_reference; /* TAMIS_LOCATION_CELL: "C7" */
  const char* json_path;      /* TAMIS_LOCATION_RECORD: "$.customers[2].ssn" */
  uint64_t end_line;          /* 1-based line of the last byte */
  uint32_t location;          /* TAMIS_LOCATION_* */
  uint32_t custom;            /* 1 for a custom identifier, 0 for a managed one */
  uint64_t row;               /* TAMIS_LOCATION_CELL: 1-based row */
  uint64_t cell_column;       /* TAMIS_LOCATION_CELL: 1-based column */
  uint64_t record_index;      /* TAMIS_LOCATION_RECORD: 0-based record (JSON Lines line) */
  const char* column_name;    /* TAMIS_LOCATION_CELL: the column's header, if any */
  const char* sheet;          /* TAMIS_LOCATION_CELL: the spreadsheet's sheet, if any */
} tamis_occurrence;

/** Called for every occurrence kept after validation, keywords and allow lists. Non-zero stops. */
typedef int (*tamis_occurrence_cb)(const tamis_occurrence* occurrence, void* user);

/* tamis_scan_options.flags */
/** Scan the bytes as they are: no archive, compression, encoding or format handling. */
#define TAMIS_SCAN_RAW 0x1u

typedef struct tamis_scan_options {
  size_t struct_size;                /* sizeof(tamis_scan_options) as compiled by the caller */
  tamis_occurrence_cb on_occurrence; /* NULL: no callback, results only */
  void* user;                        /* passed to on_occurrence */
  uint32_t flags;                    /* TAMIS_SCAN_*; unknown bits give TAMIS_E_UNSUPPORTED */
  uint32_t reserved;                 /* must be zero */
} tamis_scan_options;

#define TAMIS_SCAN_OPTIONS_INIT \
  { sizeof(tamis_scan_options), NULL, NULL, 0u, 0u }
/** Sets *options to TAMIS_SCAN_OPTIONS_INIT (for FFIs without the macro). NULL ignored. */
TAMIS_API void tamis_scan_options_init(tamis_scan_options* options);

/* ---- Results ----------------------------------------------------------------------------- */

/**
 * The results of one scan: one per object (an archive gives one per member, plus one for the
 * archive itself when its walk did not complete). Ownership: tamis_result_free.
 */
typedef struct tamis_result tamis_result;

/** Number of objects in the result; 0 for NULL. */
TAMIS_API size_t tamis_result_count(const tamis_result* result);
/**
 * The Macie sensitive data discovery result document (one line of JSON, docs/result-schema.md)
 * of object `index`. *json is NUL-terminated and borrowed until the result is freed.
 * index >= count gives TAMIS_E_INVALID_ARG. len may be NULL.
 */
TAMIS_API tamis_status tamis_result_json(const tamis_result* result, size_t index,
                                         const char** json, size_t* len);
/** All documents as JSON Lines (one per line, each ending in '\n'); borrowed like above. */
TAMIS_API tamis_status tamis_result_jsonl(const tamis_result* result, const char** json,
                                          size_t* len);
TAMIS_API void tamis_result_free(tamis_result* result);

/* ---- Scanning ---------------------------------------------------------------------------- */
/* opts may be NULL (defaults). Starting any scan discards a streamed scan in progress. */

/**
 * Scans bytes in memory as one object named `name` (NULL: ""): archives and compressed data are
 * walked (one result per member), text encodings decoded, CSV/JSON scanned value by value.
 * data may be NULL when len is 0.
 */
TAMIS_API tamis_status tamis_scan_buffer(tamis_scanner* scanner, const void* data, size_t len,
                                         const char* name, const tamis_scan_options* opts,
                                         tamis_result** out, tamis_error** err);

/**
 * Streaming: begin, feed chunks of any size, finish. The bytes are scanned as text (no archive
 * or format handling); a match across a chunk boundary is found exactly once, and memory does not
 * grow with the object. opts (and its user pointer) must stay valid until finish. After the
 * callback stops the scan, feed returns TAMIS_E_STOPPED and ignores its bytes; finish then
 * returns TAMIS_E_STOPPED with the result so far.
 */
TAMIS_API tamis_status tamis_scan_begin(tamis_scanner* scanner, const char* name,
                                        const tamis_scan_options* opts, tamis_error** err);
TAMIS_API tamis_status tamis_scan_feed(tamis_scanner* scanner, const void* data, size_t len,
                                       tamis_error** err);
TAMIS_API tamis_status tamis_scan_finish(tamis_scanner* scanner, tamis_result** out,
                                         tamis_error** err);

/**
 * Pull reader for tamis_scan_reader: copies up to `capacity` bytes into `buffer` and returns how
 * many (at least 1), 0 at the end of the object, or a negative value when reading failed.
 */
typedef ptrdiff_t (*tamis_read_cb)(void* user, void* buffer, size_t capacity);

/**
 * Scans an object pulled from `read` like tamis_scan_buffer: archives, compression, encodings and
 * formats are handled while the bytes stream through, without holding the object in memory (a 7z
 * archive, whose index is at its end, needs tamis_scan_file or tamis_scan_buffer). `read` is
 * called on this thread, with read_user, until it returns 0 or a negative value. A read failure
 * is not an error of the call: the object is reported PARTIAL with reason
 * SOURCE_OBJECT_NO_LONGER_AVAILABLE, keeping what was found before it.
 */
TAMIS_API tamis_status tamis_scan_reader(tamis_scanner* scanner, tamis_read_cb read,
                                         void* read_user, const char* name,
                                         const tamis_scan_options* opts, tamis_result** out,
                                         tamis_error** err);

/**
 * Scans a file like tamis_scan_buffer, reading it in bounded chunks. A missing or unreadable file
 * gives TAMIS_E_IO; other problems (too large, not a regular file, corrupt archive) are reported
 * in the result's status, as Macie does.
 */
TAMIS_API tamis_status tamis_scan_file(tamis_scanner* scanner, const char* path,
                                       const tamis_scan_options* opts, tamis_result** out,
                                       tamis_error** err);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TAMIS_TAMIS_H */
