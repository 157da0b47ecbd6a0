// tamis.hpp: the public C++ API of tamis, header-only RAII classes over the stable C ABI
// (tamis/tamis.h). Every call goes through libtamis's exported C functions, so a program built
// with this header keeps working with any later libtamis.so.0: no C++ type crosses the library
// boundary. Reference, ownership and threading rules: docs/cpp-api.md.
//
// C++17 or later. std::span overloads (byte buffers, reader callbacks) need C++20; C++17 code uses
// the std::string_view, pointer-and-size and std::istream overloads.
//
// Errors: failures throw tamis::Error (a std::runtime_error) or one of its subclasses, carrying
// the C status. A stop requested by the occurrence callback is not an error: the scan returns its
// Results, with stopped() true. An exception thrown by a callback or reader you pass in stops the
// scan and is rethrown by the call that ran it.
#ifndef TAMIS_TAMIS_HPP
#define TAMIS_TAMIS_HPP

#include <tamis/tamis.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <istream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// MSVC reports __cplusplus as 199711L unless /Zc:__cplusplus; _MSVC_LANG is always right.
#if defined(_MSVC_LANG) && _MSVC_LANG > __cplusplus
#define TAMIS_HPP_CPLUSPLUS _MSVC_LANG
#else
#define TAMIS_HPP_CPLUSPLUS __cplusplus
#endif
#if TAMIS_HPP_CPLUSPLUS < 201703L
#error "tamis.hpp needs C++17 or later"
#endif
#if TAMIS_HPP_CPLUSPLUS >= 202002L
#include <span>
#define TAMIS_HPP_HAS_SPAN 1
#else
#define TAMIS_HPP_HAS_SPAN 0
#endif

namespace tamis {

// ---- Version ------------------------------------------------------------------------------

/// The library's version at run time ("0.1.0"); TAMIS_VERSION_* give the header's.
inline std::string_view version() noexcept { return tamis_version(); }
/// MAJOR * 10000 + MINOR * 100 + PATCH of the library at run time.
inline std::uint32_t version_number() noexcept { return tamis_version_number(); }

// ---- Errors -------------------------------------------------------------------------------

/// A failed tamis call: the C status (TAMIS_E_*) and the library's message.
class Error : public std::runtime_error {
 public:
  Error(tamis_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  tamis_status status() const noexcept { return status_; }
  /// The status's name, "TAMIS_E_CONFIG".
  std::string_view status_name() const noexcept { return tamis_status_str(status_); }

 private:
  tamis_status status_;
};

/// TAMIS_E_CONFIG: the configuration JSON is invalid; what() says where and why.
class ConfigError : public Error {
 public:
  using Error::Error;
};

/// TAMIS_E_IO: a file could not be opened or read.
class IoError : public Error {
 public:
  using Error::Error;
};

/// TAMIS_E_DB_VERSION or TAMIS_E_DB_CORRUPT: a serialised engine cannot be loaded. Either way the
/// remedy is the same: build the engine from its configuration (status() tells which).
class DatabaseError : public Error {
 public:
  using Error::Error;
};

/// TAMIS_E_INVALID_ARG: a moved-from object used, an index out of range, a call out of sequence.
class InvalidArgumentError : public Error {
 public:
  using Error::Error;
};

/// TAMIS_E_UNSUPPORTED: an option this libtamis does not know (a newer header, an older library).
class UnsupportedError : public Error {
 public:
  using Error::Error;
};

namespace detail {

struct ErrorDeleter {
  void operator()(tamis_error* error) const noexcept { tamis_error_free(error); }
};
using ErrorPtr = std::unique_ptr<tamis_error, ErrorDeleter>;

[[noreturn]] inline void throw_error(tamis_status status, const tamis_error* error) {
  std::string message = tamis_error_message(error);
  if (message.empty()) message = tamis_status_str(status);
  switch (status) {
    case TAMIS_E_CONFIG:
      throw ConfigError(status, message);
    case TAMIS_E_IO:
      throw IoError(status, message);
    case TAMIS_E_DB_VERSION:
    case TAMIS_E_DB_CORRUPT:
      throw DatabaseError(status, message);
    case TAMIS_E_INVALID_ARG:
      throw InvalidArgumentError(status, message);
    case TAMIS_E_UNSUPPORTED:
      throw UnsupportedError(status, message);
    default:
      throw Error(status, message);
  }
}

/// Runs one C call with an error out-parameter; throws on failure. TAMIS_E_STOPPED is returned,
/// not thrown: the scan calls turn it into Results::stopped().
template <class Call>
tamis_status call(Call&& c_call) {
  tamis_error* raw = nullptr;
  const tamis_status status = std::forward<Call>(c_call)(&raw);
  ErrorPtr error(raw);
  if (status != TAMIS_OK && status != TAMIS_E_STOPPED) throw_error(status, error.get());
  return status;
}

}  // namespace detail

// ---- Occurrences and options --------------------------------------------------------------

enum class Category : std::uint32_t {
  credentials = TAMIS_CATEGORY_CREDENTIALS,
  financial_information = TAMIS_CATEGORY_FINANCIAL_INFORMATION,
  personal_information = TAMIS_CATEGORY_PERSONAL_INFORMATION,
  custom_identifier = TAMIS_CATEGORY_CUSTOM_IDENTIFIER,
};

/// Macie's score, counting the occurrences of the type found so far in the object.
enum class Severity : std::uint32_t {
  none = TAMIS_SEVERITY_NONE,
  low = TAMIS_SEVERITY_LOW,
  medium = TAMIS_SEVERITY_MEDIUM,
  high = TAMIS_SEVERITY_HIGH,
};

/// What start and end are relative to.
enum class Location : std::uint32_t {
  text = TAMIS_LOCATION_TEXT,      ///< the object's decoded text
  cell = TAMIS_LOCATION_CELL,      ///< a CSV/TSV/spreadsheet cell
  record = TAMIS_LOCATION_RECORD,  ///< a JSON/JSON Lines value
};

/// One occurrence, as the occurrence callback sees it. The string views borrow the library's
/// memory and are valid only during the callback: copy what you keep. Strings that do not apply
/// to the location are empty.
struct Occurrence {
  std::string_view object_path;  ///< the object, or an archive member "outer.zip/dir/member.csv"
  std::string_view type;         ///< "USA_SOCIAL_SECURITY_NUMBER", or a custom identifier's name
  Category category{};
  Severity severity = Severity::none;
  bool custom = false;  ///< a custom identifier rather than a managed one
  Location location = Location::text;
  std::uint64_t start = 0;          ///< byte offset of the found text
  std::uint64_t end = 0;            ///< one past its last byte
  std::uint64_t line = 0;           ///< 1-based line of start
  std::uint64_t column = 0;         ///< 1-based column of start, in characters
  std::uint64_t end_line = 0;       ///< 1-based line of the last byte
  std::string_view text;            ///< masked preview, or the value when the config reveals values
  std::string_view cell_reference;  ///< Location::cell: "C7"
  std::string_view column_name;     ///< Location::cell: the column's header, if any
  std::string_view sheet;           ///< Location::cell: the spreadsheet's sheet, if any
  std::uint64_t row = 0;            ///< Location::cell: 1-based row
  std::uint64_t cell_column = 0;    ///< Location::cell: 1-based column
  std::string_view json_path;       ///< Location::record: "$.customers[2].ssn"
  std::uint64_t record_index = 0;   ///< Location::record: 0-based record (JSON Lines line)
};

/// Called for every occurrence kept after validation, keywords and allow lists, on the scanning
/// thread. Return true to keep scanning, false to stop: the scan then returns what it found so far
/// (Results::stopped()).
using OccurrenceCallback = std::function<bool(const Occurrence&)>;

struct ScanOptions {
  OccurrenceCallback on_occurrence;  ///< empty: no callback, results only
  bool raw = false;  ///< scan the bytes as they are: no archive, compression or format handling
};

namespace detail {

// A library older than this header fills a smaller tamis_occurrence: fields past its struct_size
// keep their defaults instead of being read.
inline bool has_field(const tamis_occurrence* occ, std::size_t offset, std::size_t size) {
  return occ->struct_size >= offset + size;
}

inline std::string_view view(const char* s) { return s == nullptr ? std::string_view() : s; }

inline Occurrence to_occurrence(const tamis_occurrence* occ) {
#define TAMIS_HPP_HAS(field) has_field(occ, offsetof(tamis_occurrence, field), sizeof(occ->field))
  Occurrence o;
  if (TAMIS_HPP_HAS(object_path)) o.object_path = view(occ->object_path);
  if (TAMIS_HPP_HAS(type)) o.type = view(occ->type);
  if (TAMIS_HPP_HAS(category)) o.category = static_cast<Category>(occ->category);
  if (TAMIS_HPP_HAS(severity)) o.severity = static_cast<Severity>(occ->severity);
  if (TAMIS_HPP_HAS(start)) o.start = occ->start;
  if (TAMIS_HPP_HAS(end)) o.end = occ->end;
  if (TAMIS_HPP_HAS(line)) o.line = occ->line;
  if (TAMIS_HPP_HAS(column)) o.column = occ->column;
  if (TAMIS_HPP_HAS(text)) o.text = view(occ->text);
  if (TAMIS_HPP_HAS(cell_reference)) o.cell_reference = view(occ->cell_reference);
  if (TAMIS_HPP_HAS(json_path)) o.json_path = view(occ->json_path);
  if (TAMIS_HPP_HAS(end_line)) o.end_line = occ->end_line;
  if (TAMIS_HPP_HAS(location)) o.location = static_cast<Location>(occ->location);
  if (TAMIS_HPP_HAS(custom)) o.custom = occ->custom != 0;
  if (TAMIS_HPP_HAS(row)) o.row = occ->row;
  if (TAMIS_HPP_HAS(cell_column)) o.cell_column = occ->cell_column;
  if (TAMIS_HPP_HAS(record_index)) o.record_index = occ->record_index;
  if (TAMIS_HPP_HAS(column_name)) o.column_name = view(occ->column_name);
  if (TAMIS_HPP_HAS(sheet)) o.sheet = view(occ->sheet);
#undef TAMIS_HPP_HAS
  return o;
}

// What the C callback trampoline needs; an exception from the user's callback is kept here and
// rethrown once the C call has returned, because no exception may cross the C ABI.
struct CallbackState {
  const OccurrenceCallback* on_occurrence = nullptr;  // the caller's, or `owned` for a Stream
  OccurrenceCallback owned;
  std::exception_ptr failure;
  bool enabled = true;

  static int trampoline(const tamis_occurrence* occ, void* user) noexcept {
    auto* self = static_cast<CallbackState*>(user);
    if (!self->enabled || self->failure) return 1;
    try {
      return (*self->on_occurrence)(to_occurrence(occ)) ? 0 : 1;
    } catch (...) {
      self->failure = std::current_exception();
      return 1;
    }
  }

  tamis_scan_options c_options(bool raw) {
    tamis_scan_options options = TAMIS_SCAN_OPTIONS_INIT;
    if (on_occurrence != nullptr && *on_occurrence) {
      options.on_occurrence = &CallbackState::trampoline;
      options.user = this;
    }
    if (raw) options.flags |= TAMIS_SCAN_RAW;
    return options;
  }

  void rethrow_failure() {
    if (failure) std::rethrow_exception(std::exchange(failure, nullptr));
  }
};

// Counts the scans started on one Scanner. It lives on the heap, shared with the Scanner's
// Streams, so a Stream can tell that its scan was replaced by a later one, or that its Scanner is
// gone, and then leave the C scanner alone.
struct ScanCounter {
  std::uint64_t started = 0;
};

[[noreturn]] inline void throw_invalid(const std::string& message) {
  throw InvalidArgumentError(TAMIS_E_INVALID_ARG, message);
}

}  // namespace detail

// ---- Results ------------------------------------------------------------------------------

/// The results of one scan: one Macie sensitive data discovery result document per object (an
/// archive gives one per member). Move-only; the documents are borrowed from it.
class Results {
 public:
  Results() noexcept = default;
  /// Takes ownership of a tamis_result (from the C API).
  Results(tamis_result* result, bool stopped) noexcept : result_(result), stopped_(stopped) {}
  Results(Results&& other) noexcept
      : result_(std::exchange(other.result_, nullptr)),
        stopped_(std::exchange(other.stopped_, false)) {}
  Results& operator=(Results&& other) noexcept {
    if (this != &other) {
      tamis_result_free(result_);
      result_ = std::exchange(other.result_, nullptr);
      stopped_ = std::exchange(other.stopped_, false);
    }
    return *this;
  }
  Results(const Results&) = delete;
  Results& operator=(const Results&) = delete;
  ~Results() { tamis_result_free(result_); }

  /// Number of objects (documents).
  std::size_t size() const noexcept { return tamis_result_count(result_); }
  bool empty() const noexcept { return size() == 0; }
  /// True when the occurrence callback stopped the scan: the objects it cut short are PARTIAL
  /// with reason STOPPED_BY_CALLER.
  bool stopped() const noexcept { return stopped_; }

  /// The result document (one line of JSON, docs/result-schema.md) of object `index`, valid while
  /// this Results lives. index >= size() throws InvalidArgumentError.
  std::string_view json(std::size_t index) const {
    const char* json = nullptr;
    std::size_t len = 0;
    const tamis_status status = tamis_result_json(result_, index, &json, &len);
    if (status != TAMIS_OK) {
      throw InvalidArgumentError(status, "tamis::Results::json: index " + std::to_string(index) +
                                             " out of range (size " + std::to_string(size()) + ")");
    }
    return std::string_view(json, len);
  }
  std::string_view operator[](std::size_t index) const { return json(index); }

  /// All documents as JSON Lines (one per line, each ending in '\n').
  std::string_view jsonl() const {
    if (result_ == nullptr) return {};
    const char* json = nullptr;
    std::size_t len = 0;
    detail::call([&](tamis_error**) { return tamis_result_jsonl(result_, &json, &len); });
    return std::string_view(json, len);
  }

  /// Iterates over the documents as std::string_view.
  class const_iterator {
   public:
    using iterator_category = std::input_iterator_tag;
#if TAMIS_HPP_HAS_SPAN
    using iterator_concept = std::forward_iterator_tag;
#endif
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using reference = std::string_view;
    using pointer = void;

    const_iterator() noexcept = default;
    const_iterator(const Results* results, std::size_t index) noexcept
        : results_(results), index_(index) {}
    std::string_view operator*() const { return results_->json(index_); }
    const_iterator& operator++() noexcept {
      ++index_;
      return *this;
    }
    const_iterator operator++(int) noexcept {
      const_iterator before = *this;
      ++index_;
      return before;
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) noexcept {
      return a.results_ == b.results_ && a.index_ == b.index_;
    }
    friend bool operator!=(const const_iterator& a, const const_iterator& b) noexcept {
      return !(a == b);
    }

   private:
    const Results* results_ = nullptr;
    std::size_t index_ = 0;
  };
  const_iterator begin() const noexcept { return const_iterator(this, 0); }
  const_iterator end() const noexcept { return const_iterator(this, size()); }

  const tamis_result* native_handle() const noexcept { return result_; }

 private:
  tamis_result* result_ = nullptr;
  bool stopped_ = false;
};

// ---- Engine -------------------------------------------------------------------------------

class Scanner;

/// The compiled identifiers, allow lists and limits of one configuration. Immutable: share one
/// Engine (by reference) across any number of threads. Move-only.
class Engine {
 public:
  /// The default configuration: Macie's recommended managed identifiers.
  Engine() : Engine(std::string_view()) {}
  /// Builds from a JSON configuration (docs/config.md); empty means the default. Throws
  /// ConfigError with the parser's message.
  explicit Engine(std::string_view config_json) {
    detail::call([&](tamis_error** err) {
      return tamis_engine_new(&engine_, config_json.data(), config_json.size(), err);
    });
  }
  /// Takes ownership of a tamis_engine (from the C API).
  explicit Engine(tamis_engine* engine) noexcept : engine_(engine) {}
  Engine(Engine&& other) noexcept : engine_(std::exchange(other.engine_, nullptr)) {}
  Engine& operator=(Engine&& other) noexcept {
    if (this != &other) {
      tamis_engine_free(engine_);
      engine_ = std::exchange(other.engine_, nullptr);
    }
    return *this;
  }
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  ~Engine() { tamis_engine_free(engine_); }

  /// Loads an engine from serialize()'s bytes, skipping the regex compilation. Throws
  /// DatabaseError: status TAMIS_E_DB_VERSION for a blob of another tamis, Hyperscan build or CPU,
  /// TAMIS_E_DB_CORRUPT for a damaged or foreign one.
  static Engine deserialize(const void* bytes, std::size_t len) {
    tamis_engine* engine = nullptr;
    detail::call(
        [&](tamis_error** err) { return tamis_engine_deserialize(&engine, bytes, len, err); });
    return Engine(engine);
  }
  static Engine deserialize(std::string_view bytes) {
    return deserialize(bytes.data(), bytes.size());
  }
#if TAMIS_HPP_HAS_SPAN
  static Engine deserialize(std::span<const std::byte> bytes) {
    return deserialize(bytes.data(), bytes.size());
  }
#endif

  /// The engine as one self-contained blob (configuration and compiled databases). It is tied to
  /// the tamis version, Hyperscan build and CPU: keep it as a cache, never as the only copy.
  std::vector<std::byte> serialize() const {
    if (engine_ == nullptr)
      detail::throw_invalid("tamis::Engine::serialize: the Engine was moved from");
    char* bytes = nullptr;
    std::size_t len = 0;
    detail::call(
        [&](tamis_error** err) { return tamis_engine_serialize(engine_, &bytes, &len, err); });
    std::unique_ptr<char, void (*)(char*)> owned(bytes, &tamis_bytes_free);
    const auto* first = reinterpret_cast<const std::byte*>(owned.get());
    return std::vector<std::byte>(first, first + len);
  }

  /// A new scanner over this engine, for one thread.
  Scanner scanner() const;

  const tamis_engine* native_handle() const noexcept { return engine_; }

 private:
  tamis_engine* engine_ = nullptr;
};

// ---- Scanning -----------------------------------------------------------------------------

/// A streamed scan, from Scanner::stream(): feed chunks of any size, then finish(). The bytes are
/// scanned as text (no archive or format handling); a match across chunks is found once. Starting
/// another scan on the Scanner, or destroying the Scanner, abandons it: its next call throws
/// InvalidArgumentError. Destroying an unfinished Stream ends its scan without calling the
/// callback again. Move-only.
class Stream {
 public:
  Stream(Stream&& other) noexcept
      : scanner_(std::exchange(other.scanner_, nullptr)),
        counter_(std::move(other.counter_)),
        ticket_(other.ticket_),
        state_(std::move(other.state_)) {}
  Stream& operator=(Stream&& other) noexcept {
    if (this != &other) {
      abandon();
      scanner_ = std::exchange(other.scanner_, nullptr);
      counter_ = std::move(other.counter_);
      ticket_ = other.ticket_;
      state_ = std::move(other.state_);
    }
    return *this;
  }
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;
  ~Stream() { abandon(); }

  /// Scans the next chunk. Returns false once the callback has stopped the scan (the chunk is then
  /// ignored; finish() still gives the results so far). Rethrows the callback's exception.
  bool feed(const void* data, std::size_t len) {
    tamis_scanner* scanner = live_scanner("feed");
    const tamis_status status =
        detail::call([&](tamis_error** err) { return tamis_scan_feed(scanner, data, len, err); });
    state_->rethrow_failure();
    return status != TAMIS_E_STOPPED;
  }
  bool feed(std::string_view chunk) { return feed(chunk.data(), chunk.size()); }
#if TAMIS_HPP_HAS_SPAN
  bool feed(std::span<const std::byte> chunk) { return feed(chunk.data(), chunk.size()); }
#endif

  /// Ends the scan and gives its one result (stopped() when the callback stopped it). The Stream
  /// is then finished: feed() and finish() throw InvalidArgumentError.
  Results finish() {
    tamis_scanner* scanner = std::exchange(scanner_, nullptr);
    if (scanner == nullptr || !live()) detail::throw_invalid(abandoned_message("finish"));
    tamis_result* result = nullptr;
    const tamis_status status =
        detail::call([&](tamis_error** err) { return tamis_scan_finish(scanner, &result, err); });
    Results results(result, status == TAMIS_E_STOPPED);
    state_->rethrow_failure();
    return results;
  }

 private:
  friend class Scanner;
  Stream(tamis_scanner* scanner, const std::shared_ptr<detail::ScanCounter>& counter,
         std::unique_ptr<detail::CallbackState> state) noexcept
      : scanner_(scanner), counter_(counter), ticket_(counter->started), state_(std::move(state)) {}

  bool live() const noexcept {
    const std::shared_ptr<detail::ScanCounter> counter = counter_.lock();
    return counter != nullptr && counter->started == ticket_;
  }

  static std::string abandoned_message(const char* what) {
    return std::string("tamis::Stream::") + what +
           ": the stream is finished, moved from, or abandoned (its Scanner started another scan "
           "or was destroyed)";
  }

  tamis_scanner* live_scanner(const char* what) const {
    if (scanner_ == nullptr || !live()) detail::throw_invalid(abandoned_message(what));
    return scanner_;
  }

  // The C scanner keeps a pointer to state_ until the scan finishes: end the scan before state_
  // goes, with the callback off because what it captured may already be gone.
  void abandon() noexcept {
    tamis_scanner* scanner = std::exchange(scanner_, nullptr);
    if (scanner == nullptr || !live()) return;
    state_->enabled = false;
    tamis_result* result = nullptr;
    tamis_scan_finish(scanner, &result, nullptr);
    tamis_result_free(result);
  }

  tamis_scanner* scanner_ = nullptr;  // null once finished or moved from
  std::weak_ptr<detail::ScanCounter> counter_;
  std::uint64_t ticket_ = 0;                      // counter_->started when this scan began
  std::unique_ptr<detail::CallbackState> state_;  // on the heap: its address survives moves
};

/// Per-thread scanning state over one engine: use one Scanner per thread (it may move between
/// threads, never be used by two at once). It keeps its engine alive. Move-only.
class Scanner {
 public:
  explicit Scanner(const Engine& engine) {
    if (engine.native_handle() == nullptr) {
      detail::throw_invalid("tamis::Scanner: the Engine was moved from");
    }
    detail::call([&](tamis_error** err) {
      return tamis_scanner_new(&scanner_, engine.native_handle(), err);
    });
  }
  Scanner(Scanner&& other) noexcept
      : scanner_(std::exchange(other.scanner_, nullptr)), counter_(std::move(other.counter_)) {}
  Scanner& operator=(Scanner&& other) noexcept {
    if (this != &other) {
      tamis_scanner_free(scanner_);
      scanner_ = std::exchange(other.scanner_, nullptr);
      counter_ = std::move(other.counter_);
    }
    return *this;
  }
  Scanner(const Scanner&) = delete;
  Scanner& operator=(const Scanner&) = delete;
  ~Scanner() { tamis_scanner_free(scanner_); }

  /// Scans bytes in memory as one object named `name`: archives and compressed data are walked
  /// (one result per member), encodings decoded, CSV/JSON scanned value by value.
  Results scan(const void* data, std::size_t len, std::string_view name = {},
               const ScanOptions& options = {}) {
    const std::string c_name(name);
    return run("scan", options,
               [&](tamis_scanner* scanner, const tamis_scan_options* opts, tamis_result** out,
                   tamis_error** err) {
                 return tamis_scan_buffer(scanner, data, len, c_name.c_str(), opts, out, err);
               });
  }
  Results scan(std::string_view bytes, std::string_view name = {},
               const ScanOptions& options = {}) {
    return scan(bytes.data(), bytes.size(), name, options);
  }
#if TAMIS_HPP_HAS_SPAN
  Results scan(std::span<const std::byte> bytes, std::string_view name = {},
               const ScanOptions& options = {}) {
    return scan(bytes.data(), bytes.size(), name, options);
  }
#endif

  /// Scans a file like scan(), reading it in bounded chunks; the object is named by the path. A
  /// missing or unreadable file throws IoError; other problems (too large, corrupt archive) are
  /// reported in the result's status, as Macie does.
  Results scan_file(const std::filesystem::path& path, const ScanOptions& options = {}) {
    const std::string c_path = path.string();
    return run("scan_file", options,
               [&](tamis_scanner* scanner, const tamis_scan_options* opts, tamis_result** out,
                   tamis_error** err) {
                 return tamis_scan_file(scanner, c_path.c_str(), opts, out, err);
               });
  }

#if TAMIS_HPP_HAS_SPAN
  /// Fills `buffer` with the object's next bytes and returns how many; 0 at the end.
  using Reader = std::function<std::size_t(std::span<std::byte> buffer)>;

  /// Scans an object pulled from `read` like scan(), archives and formats included, without
  /// holding it in memory (a 7z archive needs scan() or scan_file()). An exception from `read`
  /// ends the scan and is rethrown; returning more than the buffer holds throws
  /// InvalidArgumentError.
  Results scan_reader(const Reader& read, std::string_view name = {},
                      const ScanOptions& options = {}) {
    struct Pull {
      const Reader* read;
      std::exception_ptr failure;
      static std::ptrdiff_t call(void* user, void* buffer, std::size_t capacity) noexcept {
        auto* self = static_cast<Pull*>(user);
        try {
          const std::size_t got =
              (*self->read)(std::span(static_cast<std::byte*>(buffer), capacity));
          if (got > capacity) {
            detail::throw_invalid("tamis::Scanner::scan_reader: the reader returned " +
                                  std::to_string(got) + " bytes for a buffer of " +
                                  std::to_string(capacity));
          }
          return static_cast<std::ptrdiff_t>(got);
        } catch (...) {
          self->failure = std::current_exception();
          return -1;
        }
      }
    } pull{&read, nullptr};
    if (!read) detail::throw_invalid("tamis::Scanner::scan_reader: the reader is empty");
    Results results = read_with(&Pull::call, &pull, name, options);
    if (pull.failure) std::rethrow_exception(pull.failure);
    return results;
  }
#endif

  /// Scans an object read from `in` until its end, like scan_reader(). A stream that fails
  /// (badbit) is not an exception: the object is reported PARTIAL with reason
  /// SOURCE_OBJECT_NO_LONGER_AVAILABLE, keeping what was found before.
  Results scan_reader(std::istream& in, std::string_view name = {},
                      const ScanOptions& options = {}) {
    struct Pull {
      static std::ptrdiff_t call(void* user, void* buffer, std::size_t capacity) noexcept {
        auto& stream = *static_cast<std::istream*>(user);
        auto* out = static_cast<char*>(buffer);
        const auto want = static_cast<std::streamsize>(capacity);
        try {
          // Take what the stream has buffered first: that cannot fail. A failing refill inside a
          // larger read() would lose the count of the bytes it had already copied, and with them
          // the findings they hold.
          std::streamsize got = stream.readsome(out, want);
          if (got == 0 && stream.read(out, 1).gcount() == 1) {  // one byte refills the buffer
            got = 1 + stream.readsome(out + 1, want - 1);
            if (got == 1 && want > 1 && stream.good()) {  // a stream that buffers nothing
              got += stream.read(out + 1, want - 1).gcount();
            }
          }
          if (got > 0) return static_cast<std::ptrdiff_t>(got);
          return stream.bad() ? -1 : 0;
        } catch (...) {  // a stream with exceptions() enabled
          return -1;
        }
      }
    };
    return read_with(&Pull::call, &in, name, options);
  }

  /// Starts a streamed scan of text named `name`: see Stream. The Stream keeps its own copy of
  /// the options.
  Stream stream(std::string_view name = {}, ScanOptions options = {}) {
    tamis_scanner* scanner = handle("stream");
    auto state = std::make_unique<detail::CallbackState>();
    state->owned = std::move(options.on_occurrence);
    state->on_occurrence = &state->owned;
    const tamis_scan_options opts = state->c_options(options.raw);
    const std::string c_name(name);
    ++counter_->started;
    detail::call(
        [&](tamis_error** err) { return tamis_scan_begin(scanner, c_name.c_str(), &opts, err); });
    return Stream(scanner, counter_, std::move(state));
  }

  tamis_scanner* native_handle() const noexcept { return scanner_; }

 private:
  tamis_scanner* handle(const char* what) const {
    if (scanner_ == nullptr) {
      detail::throw_invalid(std::string("tamis::Scanner::") + what +
                            ": the Scanner was moved from");
    }
    return scanner_;
  }

  template <class Call>
  Results run(const char* what, const ScanOptions& options, Call&& c_call) {
    tamis_scanner* scanner = handle(what);
    detail::CallbackState state;
    state.on_occurrence = &options.on_occurrence;
    const tamis_scan_options opts = state.c_options(options.raw);
    ++counter_->started;  // any scan abandons a Stream in progress, as the C ABI does
    tamis_result* result = nullptr;
    const tamis_status status =
        detail::call([&](tamis_error** err) { return c_call(scanner, &opts, &result, err); });
    Results results(result, status == TAMIS_E_STOPPED);
    state.rethrow_failure();
    return results;
  }

  Results read_with(tamis_read_cb read, void* user, std::string_view name,
                    const ScanOptions& options) {
    const std::string c_name(name);
    return run("scan_reader", options,
               [&](tamis_scanner* scanner, const tamis_scan_options* opts, tamis_result** out,
                   tamis_error** err) {
                 return tamis_scan_reader(scanner, read, user, c_name.c_str(), opts, out, err);
               });
  }

  tamis_scanner* scanner_ = nullptr;
  std::shared_ptr<detail::ScanCounter> counter_ = std::make_shared<detail::ScanCounter>();
};

inline Scanner Engine::scanner() const { return Scanner(*this); }

}  // namespace tamis

#undef TAMIS_HPP_CPLUSPLUS

#endif  // TAMIS_TAMIS_HPP
