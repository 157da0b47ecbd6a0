#include "archive/utf8_thread_locale.h"

namespace tamis {

Utf8ThreadLocale::Utf8ThreadLocale()
    : utf8_(newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0))) {
  // Without C.UTF-8 names still arrive, as escaped bytes (member_name.h): nothing is lost.
  if (utf8_ != static_cast<locale_t>(0)) previous_ = uselocale(utf8_);
}

Utf8ThreadLocale::~Utf8ThreadLocale() {
  if (utf8_ == static_cast<locale_t>(0)) return;
  uselocale(previous_);
  freelocale(utf8_);
}

}  // namespace tamis
