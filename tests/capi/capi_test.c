/* The C ABI from plain C, linked against the shared library only (no gtest): exit code 0 when every
 * check passes; each failure prints where and why. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tamis/tamis.h"

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

#define REQUIRE(cond)                                                            \
  do {                                                                           \
    if (!(cond)) {                                                               \
      fprintf(stderr, "%s:%d: REQUIRE failed: %s\n", __FILE__, __LINE__, #cond); \
      exit(1);                                                                   \
    }                                                                            \
  } while (0)

static const char kSsnConfig[] =
    "{\"managedDataIdentifierSelector\": \"INCLUDE\","
    " \"managedDataIdentifierIds\": [\"USA_SOCIAL_SECURITY_NUMBER\"]}";

/* An SSN next to its keyword, twice (the second on line 4). */
static const char kSensitiveText[] =
    "Employee record\n"
    "Name: Jane Doe\n"
    "SSN: 536-22-4871\n"
    "Backup SSN: 536-22-4871\n";

/* A zip (deflate) with a.txt holding an SSN next to its keyword and b.txt holding nothing. */
static const unsigned char kZip[] = {
    0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x22, 0x79, 0x77, 0x5d, 0x55, 0x1b,
    0x44, 0xaa, 0x22, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x61, 0x2e,
    0x74, 0x78, 0x74, 0xf3, 0x4b, 0xcc, 0x4d, 0xb5, 0x52, 0xf0, 0x4a, 0xcc, 0x4b, 0x55, 0x70, 0xc9,
    0x4f, 0xe5, 0x0a, 0x0e, 0xf6, 0xb3, 0x52, 0x30, 0x35, 0x36, 0xd3, 0x35, 0x32, 0xd2, 0x35, 0xb1,
    0x30, 0x37, 0xe4, 0x02, 0x00, 0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x22,
    0x79, 0x77, 0x5d, 0xb4, 0x05, 0xe0, 0x5b, 0x0f, 0x00, 0x00, 0x00, 0x0d, 0x00, 0x00, 0x00, 0x05,
    0x00, 0x00, 0x00, 0x62, 0x2e, 0x74, 0x78, 0x74, 0xcb, 0xcb, 0x2f, 0xc9, 0xc8, 0xcc, 0x4b, 0x57,
    0xc8, 0x48, 0x2d, 0x4a, 0xe5, 0x02, 0x00, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00, 0x00,
    0x00, 0x08, 0x00, 0x22, 0x79, 0x77, 0x5d, 0x55, 0x1b, 0x44, 0xaa, 0x22, 0x00, 0x00, 0x00, 0x20,
    0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80,
    0x01, 0x00, 0x00, 0x00, 0x00, 0x61, 0x2e, 0x74, 0x78, 0x74, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03,
    0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x22, 0x79, 0x77, 0x5d, 0xb4, 0x05, 0xe0, 0x5b, 0x0f, 0x00,
    0x00, 0x00, 0x0d, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x80, 0x01, 0x45, 0x00, 0x00, 0x00, 0x62, 0x2e, 0x74, 0x78, 0x74, 0x50, 0x4b, 0x05,
    0x06, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x02, 0x00, 0x66, 0x00, 0x00, 0x00, 0x77, 0x00, 0x00,
    0x00, 0x00, 0x00,
};

typedef struct seen {
  int calls;
  int stop_after; /* 0: never stop */
  char first_type[64];
  char first_path[64];
  char first_text[64];
  char first_cell[16];
  char first_column_name[16];
  uint64_t first_row, first_cell_column;
  uint32_t first_category, first_severity, first_location, first_custom;
  uint64_t first_start, first_end, first_line, first_column;
  size_t struct_size;
} seen;

static int on_occurrence(const tamis_occurrence* occ, void* user) {
  seen* s = (seen*)user;
  if (s->calls == 0) {
    s->struct_size = occ->struct_size;
    snprintf(s->first_type, sizeof s->first_type, "%s", occ->type);
    snprintf(s->first_path, sizeof s->first_path, "%s", occ->object_path);
    snprintf(s->first_text, sizeof s->first_text, "%s", occ->text);
    snprintf(s->first_cell, sizeof s->first_cell, "%s", occ->cell_reference);
    snprintf(s->first_column_name, sizeof s->first_column_name, "%s", occ->column_name);
    s->first_row = occ->row;
    s->first_cell_column = occ->cell_column;
    s->first_category = occ->category;
    s->first_severity = occ->severity;
    s->first_location = occ->location;
    s->first_custom = occ->custom;
    s->first_start = occ->start;
    s->first_end = occ->end;
    s->first_line = occ->line;
    s->first_column = occ->column;
    if (occ->cell_reference == NULL || occ->json_path == NULL || occ->sheet == NULL) ++failures;
  }
  ++s->calls;
  return s->stop_after != 0 && s->calls >= s->stop_after;
}

static tamis_engine* ssn_engine(void) {
  tamis_engine* engine = NULL;
  tamis_error* err = NULL;
  tamis_status status = tamis_engine_new(&engine, kSsnConfig, strlen(kSsnConfig), &err);
  if (status != TAMIS_OK) fprintf(stderr, "engine: %s\n", tamis_error_message(err));
  REQUIRE(status == TAMIS_OK && engine != NULL && err == NULL);
  return engine;
}

static void test_version(void) {
  char expected[32];
  snprintf(expected, sizeof expected, "%d.%d.%d", TAMIS_VERSION_MAJOR, TAMIS_VERSION_MINOR,
           TAMIS_VERSION_PATCH);
  CHECK(strcmp(tamis_version(), expected) == 0);
  CHECK(tamis_version_number() == TAMIS_VERSION_NUMBER);
  CHECK(strcmp(tamis_status_str(TAMIS_E_CONFIG), "TAMIS_E_CONFIG") == 0);
  CHECK(strcmp(tamis_status_str(12345), "unknown status") == 0);
}

static void test_options_init(void) {
  /* The macro and the function agree byte for byte (layout.c proves the struct has no padding). */
  tamis_scan_options macro = TAMIS_SCAN_OPTIONS_INIT;
  tamis_scan_options function;
  memset(&function, 0xAB, sizeof function);
  tamis_scan_options_init(&function);
  CHECK(function.struct_size == sizeof(tamis_scan_options));
  CHECK(memcmp(&macro, &function, sizeof macro) == 0);
  tamis_scan_options_init(NULL);
}

static void test_config_errors(void) {
  tamis_engine* engine = (tamis_engine*)&engine; /* must be reset to NULL */
  tamis_error* err = NULL;
  const char bad[] = "{\"managedDataIdentifierSelector\": ";
  CHECK(tamis_engine_new(&engine, bad, strlen(bad), &err) == TAMIS_E_CONFIG);
  CHECK(engine == NULL);
  REQUIRE(err != NULL);
  CHECK(tamis_error_status(err) == TAMIS_E_CONFIG);
  CHECK(strlen(tamis_error_message(err)) > 0);
  tamis_error_free(err);

  err = NULL;
  {
    const char wrong[] = "{\"managedDataIdentifierSelector\": \"SOMETIMES\"}";
    CHECK(tamis_engine_new(&engine, wrong, strlen(wrong), &err) == TAMIS_E_CONFIG);
    CHECK(err != NULL && strstr(tamis_error_message(err), "managedDataIdentifierSelector") != NULL);
    tamis_error_free(err);
  }
  /* err may be NULL */
  CHECK(tamis_engine_new(&engine, bad, strlen(bad), NULL) == TAMIS_E_CONFIG);
  /* NULL/empty config: defaults */
  CHECK(tamis_engine_new(&engine, NULL, 0, NULL) == TAMIS_OK && engine != NULL);
  tamis_engine_free(engine);
}

static void test_null_arguments(void) {
  tamis_engine* engine = ssn_engine();
  tamis_scanner* scanner = NULL;
  tamis_result* result = NULL;
  tamis_error* err = NULL;
  const char* json = NULL;
  size_t len = 0;
  CHECK(tamis_engine_new(NULL, NULL, 0, &err) == TAMIS_E_INVALID_ARG);
  CHECK(err != NULL && tamis_error_status(err) == TAMIS_E_INVALID_ARG);
  tamis_error_free(err);
  CHECK(tamis_scanner_new(&scanner, NULL, NULL) == TAMIS_E_INVALID_ARG && scanner == NULL);
  CHECK(tamis_scanner_new(NULL, engine, NULL) == TAMIS_E_INVALID_ARG);
  REQUIRE(tamis_scanner_new(&scanner, engine, NULL) == TAMIS_OK);
  CHECK(tamis_scan_buffer(NULL, "x", 1, "n", NULL, &result, NULL) == TAMIS_E_INVALID_ARG);
  CHECK(tamis_scan_buffer(scanner, NULL, 1, "n", NULL, &result, NULL) == TAMIS_E_INVALID_ARG);
  CHECK(tamis_scan_buffer(scanner, "x", 1, "n", NULL, NULL, NULL) == TAMIS_E_INVALID_ARG);
  CHECK(tamis_scan_begin(NULL, "n", NULL, NULL) == TAMIS_E_INVALID_ARG);
  CHECK(tamis_scan_feed(scanner, "x", 1, NULL) == TAMIS_E_INVALID_ARG); /* no begin */
  CHECK(tamis_scan_finish(scanner, &result, NULL) == TAMIS_E_INVALID_ARG);
  CHECK(tamis_scan_file(scanner, NULL, NULL, &result, NULL) == TAMIS_E_INVALID_ARG);
  CHECK(tamis_result_json(NULL, 0, &json, &len) == TAMIS_E_INVALID_ARG && json == NULL);
  CHECK(tamis_result_jsonl(NULL, &json, &len) == TAMIS_E_INVALID_ARG);
  CHECK(tamis_result_count(NULL) == 0);
  CHECK(strcmp(tamis_error_message(NULL), "") == 0);
  /* Empty buffer with NULL data is a valid, empty object. */
  CHECK(tamis_scan_buffer(scanner, NULL, 0, NULL, NULL, &result, NULL) == TAMIS_OK);
  CHECK(tamis_result_count(result) == 1);
  CHECK(tamis_result_json(result, 1, &json, &len) == TAMIS_E_INVALID_ARG);
  tamis_result_free(result);
  /* Options: bad struct_size, unknown flags, a larger struct with a non-zero tail. */
  {
    tamis_scan_options opts = TAMIS_SCAN_OPTIONS_INIT;
    struct {
      tamis_scan_options base;
      uint64_t future;
    } bigger;
    opts.struct_size = 0;
    CHECK(tamis_scan_buffer(scanner, "x", 1, "n", &opts, &result, NULL) == TAMIS_E_INVALID_ARG);
    tamis_scan_options_init(&opts);
    opts.flags = 0x80000000u;
    CHECK(tamis_scan_buffer(scanner, "x", 1, "n", &opts, &result, NULL) == TAMIS_E_UNSUPPORTED);
    CHECK(result == NULL);
    memset(&bigger, 0, sizeof bigger);
    tamis_scan_options_init(&bigger.base);
    bigger.base.struct_size = sizeof bigger;
    CHECK(tamis_scan_buffer(scanner, "x", 1, "n", &bigger.base, &result, NULL) == TAMIS_OK);
    tamis_result_free(result);
    bigger.future = 1;
    CHECK(tamis_scan_buffer(scanner, "x", 1, "n", &bigger.base, &result, NULL) ==
          TAMIS_E_UNSUPPORTED);
  }
  tamis_scanner_free(scanner);
  tamis_engine_free(engine);
}

static void test_scan_buffer(void) {
  tamis_engine* engine = ssn_engine();
  tamis_scanner* scanner = NULL;
  tamis_result* result = NULL;
  tamis_error* err = NULL;
  tamis_scan_options opts = TAMIS_SCAN_OPTIONS_INIT;
  seen s;
  const char* json = NULL;
  size_t len = 0;
  memset(&s, 0, sizeof s);
  opts.on_occurrence = on_occurrence;
  opts.user = &s;
  REQUIRE(tamis_scanner_new(&scanner, engine, NULL) == TAMIS_OK);
  /* The engine may go first: the scanner keeps it alive. */
  tamis_engine_free(engine);
  CHECK(tamis_scan_buffer(scanner, kSensitiveText, strlen(kSensitiveText), "hr/record.txt", &opts,
                          &result, &err) == TAMIS_OK);
  CHECK(err == NULL);
  CHECK(s.calls == 2);
  CHECK(s.struct_size == sizeof(tamis_occurrence));
  CHECK(strcmp(s.first_type, "USA_SOCIAL_SECURITY_NUMBER") == 0);
  CHECK(strcmp(s.first_path, "hr/record.txt") == 0);
  CHECK(s.first_category == TAMIS_CATEGORY_PERSONAL_INFORMATION);
  CHECK(s.first_severity != TAMIS_SEVERITY_NONE);
  CHECK(s.first_location == TAMIS_LOCATION_TEXT && s.first_custom == 0);
  CHECK(s.first_line == 3 && s.first_column == 6);
  CHECK(s.first_start == strstr(kSensitiveText, "536") - kSensitiveText);
  CHECK(s.first_end == s.first_start + 11);
  CHECK(strcmp(s.first_text, "536-22-4871") != 0); /* masked by default */
  REQUIRE(tamis_result_count(result) == 1);
  CHECK(tamis_result_json(result, 0, &json, &len) == TAMIS_OK);
  REQUIRE(json != NULL);
  CHECK(strlen(json) == len);
  CHECK(strstr(json, "\"USA_SOCIAL_SECURITY_NUMBER\"") != NULL);
  CHECK(strstr(json, "hr/record.txt") != NULL);
  CHECK(strstr(json, "\"COMPLETE\"") != NULL);
  CHECK(tamis_result_jsonl(result, &json, &len) == TAMIS_OK);
  CHECK(len > 0 && json[len - 1] == '\n' && strchr(json, '\n') == json + len - 1);
  tamis_result_free(result);
  tamis_scanner_free(scanner);
}

static void test_stop_from_callback(void) {
  tamis_engine* engine = ssn_engine();
  tamis_scanner* scanner = NULL;
  tamis_result* result = NULL;
  tamis_error* err = NULL;
  tamis_scan_options opts = TAMIS_SCAN_OPTIONS_INIT;
  seen s;
  const char* json = NULL;
  memset(&s, 0, sizeof s);
  s.stop_after = 1;
  opts.on_occurrence = on_occurrence;
  opts.user = &s;
  REQUIRE(tamis_scanner_new(&scanner, engine, NULL) == TAMIS_OK);
  CHECK(tamis_scan_buffer(scanner, kSensitiveText, strlen(kSensitiveText), "t", &opts, &result,
                          &err) == TAMIS_E_STOPPED);
  CHECK(err != NULL && tamis_error_status(err) == TAMIS_E_STOPPED);
  tamis_error_free(err);
  CHECK(s.calls == 1);
  REQUIRE(result != NULL && tamis_result_count(result) >= 1);
  CHECK(tamis_result_json(result, 0, &json, NULL) == TAMIS_OK);
  CHECK(json != NULL && strstr(json, "PARTIAL") != NULL);
  CHECK(json != NULL && strstr(json, "STOPPED_BY_CALLER") != NULL);
  tamis_result_free(result);
  /* The next scan starts afresh. */
  memset(&s, 0, sizeof s);
  CHECK(tamis_scan_buffer(scanner, kSensitiveText, strlen(kSensitiveText), "t", &opts, &result,
                          NULL) == TAMIS_OK);
  CHECK(s.calls == 2);
  tamis_result_free(result);
  tamis_scanner_free(scanner);
  tamis_engine_free(engine);
}

static void test_streaming(void) {
  tamis_engine* engine = ssn_engine();
  tamis_scanner* scanner = NULL;
  tamis_result* result = NULL;
  tamis_scan_options opts = TAMIS_SCAN_OPTIONS_INIT;
  seen s;
  size_t i;
  const size_t total = strlen(kSensitiveText);
  const char* json = NULL;
  memset(&s, 0, sizeof s);
  opts.on_occurrence = on_occurrence;
  opts.user = &s;
  REQUIRE(tamis_scanner_new(&scanner, engine, NULL) == TAMIS_OK);
  CHECK(tamis_scan_begin(scanner, "stream.txt", &opts, NULL) == TAMIS_OK);
  for (i = 0; i < total; i += 3) { /* chunks of 3 bytes: every SSN crosses boundaries */
    size_t n = total - i < 3 ? total - i : 3;
    CHECK(tamis_scan_feed(scanner, kSensitiveText + i, n, NULL) == TAMIS_OK);
  }
  CHECK(tamis_scan_finish(scanner, &result, NULL) == TAMIS_OK);
  CHECK(s.calls == 2 && s.first_line == 3 && s.first_column == 6);
  CHECK(strcmp(s.first_path, "stream.txt") == 0);
  REQUIRE(tamis_result_count(result) == 1);
  CHECK(tamis_result_json(result, 0, &json, NULL) == TAMIS_OK);
  CHECK(strstr(json, "USA_SOCIAL_SECURITY_NUMBER") != NULL);
  tamis_result_free(result);
  CHECK(tamis_scan_feed(scanner, "x", 1, NULL) == TAMIS_E_INVALID_ARG); /* finished */

  /* Stop while streaming: later feeds report it, finish gives the partial result. */
  memset(&s, 0, sizeof s);
  s.stop_after = 1;
  CHECK(tamis_scan_begin(scanner, "stream.txt", &opts, NULL) == TAMIS_OK);
  {
    /* Occurrences may be decided a little after their bytes arrive: keep feeding until one is. */
    int feeds = 0;
    tamis_status status = TAMIS_OK;
    while (status == TAMIS_OK && feeds < 100000) {
      status = tamis_scan_feed(scanner, kSensitiveText, total, NULL);
      ++feeds;
    }
    CHECK(status == TAMIS_E_STOPPED);
    CHECK(s.calls == 1);
  }
  CHECK(tamis_scan_feed(scanner, kSensitiveText, total, NULL) == TAMIS_E_STOPPED);
  CHECK(tamis_scan_finish(scanner, &result, NULL) == TAMIS_E_STOPPED);
  CHECK(s.calls == 1 && tamis_result_count(result) == 1);
  CHECK(tamis_result_json(result, 0, &json, NULL) == TAMIS_OK);
  CHECK(json != NULL && strstr(json, "STOPPED_BY_CALLER") != NULL);
  tamis_result_free(result);
  tamis_scanner_free(scanner);
  tamis_engine_free(engine);
}

static void test_zip_buffer(void) {
  tamis_engine* engine = ssn_engine();
  tamis_scanner* scanner = NULL;
  tamis_result* result = NULL;
  tamis_scan_options opts = TAMIS_SCAN_OPTIONS_INIT;
  seen s;
  size_t i;
  int found_a = 0, found_b = 0;
  memset(&s, 0, sizeof s);
  opts.on_occurrence = on_occurrence;
  opts.user = &s;
  REQUIRE(tamis_scanner_new(&scanner, engine, NULL) == TAMIS_OK);
  CHECK(tamis_scan_buffer(scanner, kZip, sizeof kZip, "bundle.zip", &opts, &result, NULL) ==
        TAMIS_OK);
  CHECK(s.calls == 1);
  CHECK(strcmp(s.first_path, "bundle.zip/a.txt") == 0); /* the member, not only the buffer's name */
  CHECK(tamis_result_count(result) == 2);
  for (i = 0; i < tamis_result_count(result); ++i) {
    const char* json = NULL;
    CHECK(tamis_result_json(result, i, &json, NULL) == TAMIS_OK);
    if (json == NULL) continue;
    if (strstr(json, "bundle.zip/a.txt") != NULL) {
      found_a = strstr(json, "USA_SOCIAL_SECURITY_NUMBER") != NULL;
    }
    if (strstr(json, "bundle.zip/b.txt") != NULL) {
      found_b = strstr(json, "USA_SOCIAL_SECURITY_NUMBER") == NULL;
    }
  }
  CHECK(found_a && found_b);
  tamis_result_free(result);

  /* TAMIS_SCAN_RAW: the same bytes as one opaque object. */
  opts.flags = TAMIS_SCAN_RAW;
  CHECK(tamis_scan_buffer(scanner, kZip, sizeof kZip, "bundle.zip", &opts, &result, NULL) ==
        TAMIS_OK);
  CHECK(tamis_result_count(result) == 1);
  tamis_result_free(result);
  tamis_scanner_free(scanner);
  tamis_engine_free(engine);
}

static void test_csv_cells(void) {
  tamis_engine* engine = ssn_engine();
  tamis_scanner* scanner = NULL;
  tamis_result* result = NULL;
  tamis_scan_options opts = TAMIS_SCAN_OPTIONS_INIT;
  seen s;
  const char csv[] = "name,ssn\nJane Doe,536-22-4871\n";
  memset(&s, 0, sizeof s);
  opts.on_occurrence = on_occurrence;
  opts.user = &s;
  REQUIRE(tamis_scanner_new(&scanner, engine, NULL) == TAMIS_OK);
  CHECK(tamis_scan_buffer(scanner, csv, strlen(csv), "people.csv", &opts, &result, NULL) ==
        TAMIS_OK);
  CHECK(s.calls == 1);
  CHECK(s.first_location == TAMIS_LOCATION_CELL);
  CHECK(strcmp(s.first_cell, "B2") == 0);
  CHECK(strcmp(s.first_column_name, "ssn") == 0);
  CHECK(s.first_row == 2 && s.first_cell_column == 2);
  CHECK(s.first_start == 0 && s.first_end == 11);
  tamis_result_free(result);
  tamis_scanner_free(scanner);
  tamis_engine_free(engine);
}

static void test_scan_file(void) {
  tamis_engine* engine = ssn_engine();
  tamis_scanner* scanner = NULL;
  tamis_result* result = NULL;
  tamis_error* err = NULL;
  char path[] = "capi_test_file.txt";
  FILE* f = fopen(path, "wb");
  REQUIRE(f != NULL);
  fwrite(kSensitiveText, 1, strlen(kSensitiveText), f);
  fclose(f);
  REQUIRE(tamis_scanner_new(&scanner, engine, NULL) == TAMIS_OK);
  CHECK(tamis_scan_file(scanner, path, NULL, &result, NULL) == TAMIS_OK);
  CHECK(tamis_result_count(result) == 1);
  {
    const char* json = NULL;
    CHECK(tamis_result_json(result, 0, &json, NULL) == TAMIS_OK);
    CHECK(json != NULL && strstr(json, "USA_SOCIAL_SECURITY_NUMBER") != NULL);
  }
  tamis_result_free(result);
  remove(path);
  CHECK(tamis_scan_file(scanner, "/nonexistent/capi/file.txt", NULL, &result, &err) == TAMIS_E_IO);
  CHECK(result == NULL && err != NULL && strlen(tamis_error_message(err)) > 0);
  tamis_error_free(err);
  tamis_scanner_free(scanner);
  tamis_engine_free(engine);
}

static void test_free_null(void) {
  tamis_engine_free(NULL);
  tamis_scanner_free(NULL);
  tamis_result_free(NULL);
  tamis_error_free(NULL);
}

static void test_serialize(void) {
  tamis_engine* engine = ssn_engine();
  tamis_engine* loaded = NULL;
  tamis_scanner* scanner = NULL;
  tamis_result* result = NULL;
  tamis_error* err = NULL;
  const char* json = NULL;
  char* bytes = NULL;
  size_t len = 0;
  REQUIRE(tamis_engine_serialize(engine, &bytes, &len, &err) == TAMIS_OK);
  REQUIRE(bytes != NULL && len > 24 && err == NULL);
  tamis_engine_free(engine); /* the image stands on its own */

  CHECK(tamis_engine_deserialize(&loaded, bytes, len, &err) == TAMIS_OK && loaded != NULL);
  REQUIRE(tamis_scanner_new(&scanner, loaded, NULL) == TAMIS_OK);
  CHECK(tamis_scan_buffer(scanner, kSensitiveText, strlen(kSensitiveText), "r.txt", NULL, &result,
                          NULL) == TAMIS_OK);
  CHECK(tamis_result_json(result, 0, &json, NULL) == TAMIS_OK);
  CHECK(json != NULL && strstr(json, "USA_SOCIAL_SECURITY_NUMBER") != NULL);
  tamis_result_free(result);
  tamis_scanner_free(scanner);
  tamis_engine_free(loaded);

  /* Truncated, damaged, foreign: corrupt. Another format version: version. */
  loaded = NULL;
  CHECK(tamis_engine_deserialize(&loaded, bytes, len - 1, &err) == TAMIS_E_DB_CORRUPT);
  CHECK(loaded == NULL && tamis_error_status(err) == TAMIS_E_DB_CORRUPT);
  CHECK(strstr(tamis_error_message(err), "serialised engine") != NULL);
  tamis_error_free(err);
  bytes[len / 2] = (char)(bytes[len / 2] ^ 1);
  CHECK(tamis_engine_deserialize(&loaded, bytes, len, NULL) == TAMIS_E_DB_CORRUPT);
  bytes[len / 2] = (char)(bytes[len / 2] ^ 1);
  CHECK(tamis_engine_deserialize(&loaded, "{}", 2, NULL) == TAMIS_E_DB_CORRUPT);
  CHECK(tamis_engine_deserialize(&loaded, NULL, 0, NULL) == TAMIS_E_DB_CORRUPT);
  bytes[8] = 99;
  CHECK(tamis_engine_deserialize(&loaded, bytes, len, &err) == TAMIS_E_DB_VERSION);
  CHECK(tamis_error_status(err) == TAMIS_E_DB_VERSION);
  tamis_error_free(err);
  CHECK(loaded == NULL);

  CHECK(tamis_engine_deserialize(NULL, bytes, len, NULL) == TAMIS_E_INVALID_ARG);
  CHECK(tamis_engine_deserialize(&loaded, NULL, 5, NULL) == TAMIS_E_INVALID_ARG);
  tamis_bytes_free(bytes);
  bytes = (char*)&len; /* a failed call sets it to NULL */
  CHECK(tamis_engine_serialize(NULL, &bytes, &len, NULL) == TAMIS_E_INVALID_ARG && bytes == NULL);
  tamis_bytes_free(NULL);
}

/* Serves `data` in pieces of `piece` bytes; fails after `fail_after` bytes when that is not 0. */
typedef struct reader {
  const unsigned char* data;
  size_t size, at, piece, fail_after;
  int calls_after_end;
} reader;

static ptrdiff_t read_piece(void* user, void* buffer, size_t capacity) {
  reader* r = (reader*)user;
  size_t n = r->size - r->at;
  if (r->fail_after != 0 && r->at >= r->fail_after) return -1;
  if (n == 0) {
    ++r->calls_after_end;
    return 0;
  }
  if (n > r->piece) n = r->piece;
  if (n > capacity) n = capacity;
  memcpy(buffer, r->data + r->at, n);
  r->at += n;
  return (ptrdiff_t)n;
}

static void test_scan_reader(void) {
  tamis_engine* engine = ssn_engine();
  tamis_scanner* scanner = NULL;
  tamis_result* result = NULL;
  tamis_scan_options opts = TAMIS_SCAN_OPTIONS_INIT;
  const char* json = NULL;
  reader r;
  seen s;
  memset(&s, 0, sizeof s);
  opts.on_occurrence = on_occurrence;
  opts.user = &s;
  REQUIRE(tamis_scanner_new(&scanner, engine, NULL) == TAMIS_OK);

  /* A zip pulled 7 bytes at a time is walked like a buffer: one result per member. */
  memset(&r, 0, sizeof r);
  r.data = kZip;
  r.size = sizeof kZip;
  r.piece = 7;
  CHECK(tamis_scan_reader(scanner, read_piece, &r, "pulled.zip", &opts, &result, NULL) == TAMIS_OK);
  CHECK(tamis_result_count(result) == 2);
  CHECK(s.calls == 1 && strcmp(s.first_path, "pulled.zip/a.txt") == 0);
  CHECK(r.calls_after_end == 1); /* the end is asked for once */
  tamis_result_free(result);

  /* A reader failing part-way: PARTIAL, keeping what was found before the failure. */
  memset(&r, 0, sizeof r);
  r.data = (const unsigned char*)kSensitiveText;
  r.size = strlen(kSensitiveText);
  r.piece = 4;
  r.fail_after = strlen("Employee record\nName: Jane Doe\nSSN: 536-22-4871\n");
  CHECK(tamis_scan_reader(scanner, read_piece, &r, "cut.txt", NULL, &result, NULL) == TAMIS_OK);
  CHECK(tamis_result_json(result, 0, &json, NULL) == TAMIS_OK);
  CHECK(json != NULL && strstr(json, "\"PARTIAL\"") != NULL);
  CHECK(json != NULL && strstr(json, "SOURCE_OBJECT_NO_LONGER_AVAILABLE") != NULL);
  CHECK(json != NULL && strstr(json, "USA_SOCIAL_SECURITY_NUMBER") != NULL);
  tamis_result_free(result);

  CHECK(tamis_scan_reader(scanner, NULL, &r, "x", NULL, &result, NULL) == TAMIS_E_INVALID_ARG);
  CHECK(tamis_scan_reader(NULL, read_piece, &r, "x", NULL, &result, NULL) == TAMIS_E_INVALID_ARG);
  CHECK(tamis_scan_reader(scanner, read_piece, &r, "x", NULL, NULL, NULL) == TAMIS_E_INVALID_ARG);
  tamis_scanner_free(scanner);
  tamis_engine_free(engine);
}

/* An occurrence inside an email attachment names the attachment, not the email. */
static void test_attachment_path(void) {
  static const char kEmail[] =
      "From: a@example.com\r\nTo: b@example.com\r\nSubject: records\r\n"
      "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n"
      "--XX\r\nContent-Type: text/plain\r\n\r\nSee the attachment.\r\n"
      "--XX\r\nContent-Type: text/plain\r\n"
      "Content-Disposition: attachment; filename=\"ssn.txt\"\r\n\r\n"
      "SSN: 536-22-4871\r\n--XX--\r\n";
  tamis_engine* engine = ssn_engine();
  tamis_scanner* scanner = NULL;
  tamis_result* result = NULL;
  tamis_scan_options opts = TAMIS_SCAN_OPTIONS_INIT;
  seen s;
  memset(&s, 0, sizeof s);
  opts.on_occurrence = on_occurrence;
  opts.user = &s;
  REQUIRE(tamis_scanner_new(&scanner, engine, NULL) == TAMIS_OK);
  CHECK(tamis_scan_buffer(scanner, kEmail, strlen(kEmail), "mail.eml", &opts, &result, NULL) ==
        TAMIS_OK);
  CHECK(s.calls == 1);
  CHECK(strcmp(s.first_path, "mail.eml/ssn.txt") == 0);
  tamis_result_free(result);
  tamis_scanner_free(scanner);
  tamis_engine_free(engine);
}

int main(void) {
  test_version();
  test_options_init();
  test_config_errors();
  test_null_arguments();
  test_scan_buffer();
  test_stop_from_callback();
  test_streaming();
  test_zip_buffer();
  test_csv_cells();
  test_scan_file();
  test_free_null();
  test_serialize();
  test_scan_reader();
  test_attachment_path();
  if (failures != 0) {
    fprintf(stderr, "%d check(s) failed\n", failures);
    return 1;
  }
  printf("capi_test: all checks passed\n");
  return 0;
}
