/* A program outside the tamis tree: it sees only an install's tamis.h and library. It scans a
 * buffer holding an SSN, checks the finding, and checks which libtamis it runs against:
 *   consumer <path of the libtamis.so it must load>   (shared)
 *   consumer static                                   (no libtamis.so may be loaded)
 * Exit code 0 when every check passes; each failure says what it saw. */
#define _GNU_SOURCE /* dl_iterate_phdr, realpath */
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tamis/tamis.h>

static int failures = 0;

static void check(int ok, const char* what) {
  if (!ok) {
    fprintf(stderr, "consumer: FAILED: %s\n", what);
    ++failures;
  }
}

typedef struct loaded_library {
  char path[PATH_MAX];
  int count;
} loaded_library;

static int find_libtamis(struct dl_phdr_info* info, size_t size, void* user) {
  loaded_library* found = (loaded_library*)user;
  const char* base = strrchr(info->dlpi_name, '/');
  (void)size;
  base = base ? base + 1 : info->dlpi_name;
  if (strncmp(base, "libtamis.so", strlen("libtamis.so")) == 0) {
    if (realpath(info->dlpi_name, found->path) == NULL) {
      snprintf(found->path, sizeof found->path, "%s", info->dlpi_name);
    }
    ++found->count;
  }
  return 0;
}

static void check_loaded_library(const char* expected) {
  loaded_library found = {"", 0};
  char expected_real[PATH_MAX];
  dl_iterate_phdr(find_libtamis, &found);
  if (strcmp(expected, "static") == 0) {
    check(found.count == 0, "a static build loads no libtamis.so");
    if (found.count != 0) fprintf(stderr, "consumer: loaded %s\n", found.path);
    return;
  }
  if (realpath(expected, expected_real) == NULL) {
    fprintf(stderr, "consumer: no such library: %s\n", expected);
    ++failures;
    return;
  }
  check(found.count == 1, "exactly one libtamis.so is loaded");
  check(strcmp(found.path, expected_real) == 0, "the libtamis.so loaded is the installed one");
  if (strcmp(found.path, expected_real) != 0) {
    fprintf(stderr, "consumer: loaded \"%s\", expected \"%s\"\n", found.path, expected_real);
  }
}

typedef struct seen {
  int calls;
  char type[64];
  unsigned long long line;
} seen;

static int on_occurrence(const tamis_occurrence* occ, void* user) {
  seen* s = (seen*)user;
  ++s->calls;
  snprintf(s->type, sizeof s->type, "%s", occ->type);
  s->line = (unsigned long long)occ->line;
  return 0;
}

int main(int argc, char** argv) {
  const char config[] =
      "{\"managedDataIdentifierSelector\": \"INCLUDE\","
      " \"managedDataIdentifierIds\": [\"USA_SOCIAL_SECURITY_NUMBER\"]}";
  const char text[] = "Employee record\nSSN: 536-22-4871\n";
  tamis_engine* engine = NULL;
  tamis_scanner* scanner = NULL;
  tamis_result* result = NULL;
  tamis_error* err = NULL;
  tamis_scan_options opts = TAMIS_SCAN_OPTIONS_INIT;
  const char* json = NULL;
  seen s = {0, "", 0};

  if (argc != 2) {
    fprintf(stderr, "usage: consumer <expected libtamis.so path> | consumer static\n");
    return 2;
  }
  check_loaded_library(argv[1]);
  check(tamis_version_number() == TAMIS_VERSION_NUMBER, "library and header versions agree");

  if (tamis_engine_new(&engine, config, strlen(config), &err) != TAMIS_OK) {
    fprintf(stderr, "consumer: engine: %s\n", tamis_error_message(err));
    tamis_error_free(err);
    return 1;
  }
  if (tamis_scanner_new(&scanner, engine, &err) != TAMIS_OK) {
    fprintf(stderr, "consumer: scanner: %s\n", tamis_error_message(err));
    tamis_error_free(err);
    tamis_engine_free(engine);
    return 1;
  }
  opts.on_occurrence = on_occurrence;
  opts.user = &s;
  if (tamis_scan_buffer(scanner, text, strlen(text), "record.txt", &opts, &result, &err) !=
      TAMIS_OK) {
    fprintf(stderr, "consumer: scan: %s\n", tamis_error_message(err));
    ++failures;
  } else {
    check(s.calls == 1, "one occurrence reported");
    check(strcmp(s.type, "USA_SOCIAL_SECURITY_NUMBER") == 0, "the occurrence is an SSN");
    check(s.line == 2, "the SSN is on line 2");
    check(tamis_result_count(result) == 1, "one result document");
    check(tamis_result_json(result, 0, &json, NULL) == TAMIS_OK && json != NULL,
          "the result has a JSON document");
    check(json != NULL && strstr(json, "\"USA_SOCIAL_SECURITY_NUMBER\"") != NULL,
          "the JSON names the SSN identifier");
  }
  tamis_result_free(result);
  tamis_error_free(err);
  tamis_scanner_free(scanner);
  tamis_engine_free(engine);

  if (failures != 0) return 1;
  printf("consumer: ok (tamis %s, SSN on line %llu)\n", tamis_version(), s.line);
  return 0;
}
