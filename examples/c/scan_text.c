#include <stdio.h>
#include <string.h>
#include <tamis/tamis.h>

static int on_occurrence(const tamis_occurrence* occ, void* user) {
  (void)user;
  printf("%s: %s at line %llu, column %llu\n", occ->object_path, occ->type,
         (unsigned long long)occ->line, (unsigned long long)occ->column);
  return 0; /* non-zero stops the scan */
}

int main(void) {
  const char config[] = "{\"managedDataIdentifierSelector\": \"RECOMMENDED\"}";
  const char text[] = "Name: Jane Doe\nSSN: 536-22-4871\n";
  tamis_engine* engine = NULL;
  tamis_scanner* scanner = NULL;
  tamis_result* result = NULL;
  tamis_error* err = NULL;
  tamis_scan_options opts = TAMIS_SCAN_OPTIONS_INIT;
  const char* json = NULL;
  size_t i;

  if (tamis_engine_new(&engine, config, strlen(config), &err) != TAMIS_OK) {
    fprintf(stderr, "config: %s\n", tamis_error_message(err));
    tamis_error_free(err);
    return 1;
  }
  tamis_scanner_new(&scanner, engine, NULL); /* one scanner per thread */
  opts.on_occurrence = on_occurrence;
  if (tamis_scan_buffer(scanner, text, strlen(text), "record.txt", &opts, &result, &err) ==
      TAMIS_OK) {
    for (i = 0; i < tamis_result_count(result); ++i) {
      tamis_result_json(result, i, &json, NULL); /* Macie's result document */
      puts(json);
    }
  } else {
    fprintf(stderr, "scan: %s\n", tamis_error_message(err));
  }
  tamis_result_free(result);
  tamis_error_free(err);
  tamis_scanner_free(scanner);
  tamis_engine_free(engine);
  return 0;
}
