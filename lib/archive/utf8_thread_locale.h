// Makes the calling thread's locale UTF-8 (C.UTF-8) for as long as it lives, and restores the
// previous one after. libarchive converts member names to the current locale's charset: under
// the default "C" locale every non-ASCII name (表だよ/漢字.txt, File 2 - ö.txt) is lost.
// uselocale() is per thread, so this changes nothing for the rest of the process.
#pragma once

#include <locale.h>

namespace tamis {

class Utf8ThreadLocale {
 public:
  Utf8ThreadLocale();
  ~Utf8ThreadLocale();
  Utf8ThreadLocale(const Utf8ThreadLocale&) = delete;
  Utf8ThreadLocale& operator=(const Utf8ThreadLocale&) = delete;

 private:
  locale_t utf8_ = static_cast<locale_t>(0);
  locale_t previous_ = static_cast<locale_t>(0);
};

}  // namespace tamis
