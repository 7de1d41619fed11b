// Date and time formatting with ICU; see clock.h.
#include "ui/i18n/clock.h"

#include <memory>

#include <unicode/simpletz.h>
#include <unicode/smpdtfmt.h>

namespace ui::i18n {
namespace {

std::string format_with(std::int64_t unix_ms, int utc_offset_minutes, const char* locale, const char* pattern) {
    UErrorCode status = U_ZERO_ERROR;
    icu::SimpleDateFormat formatter(icu::UnicodeString::fromUTF8(pattern), icu::Locale(locale), status);
    if (U_FAILURE(status)) return {};
    formatter.adoptTimeZone(std::make_unique<icu::SimpleTimeZone>(utc_offset_minutes * 60 * 1000, "kiosk").release());
    icu::UnicodeString out;
    formatter.format(static_cast<UDate>(unix_ms), out);
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

}  // namespace

std::string format_time(std::int64_t unix_ms, int utc_offset_minutes, Lang lang) {
    return lang == Lang::Ar ? format_with(unix_ms, utc_offset_minutes, "ar@numbers=latn", "h:mm a")
                            : format_with(unix_ms, utc_offset_minutes, "en", "h:mm a");
}

std::string format_date(std::int64_t unix_ms, int utc_offset_minutes, Lang lang) {
    return lang == Lang::Ar
               ? format_with(unix_ms, utc_offset_minutes, "ar@calendar=gregorian;numbers=latn", "EEEE d MMMM y")
               : format_with(unix_ms, utc_offset_minutes, "en", "EEEE d MMMM y");
}

std::string format_short_day(std::int64_t unix_ms, int utc_offset_minutes, Lang lang) {
    return lang == Lang::Ar
               ? format_with(unix_ms, utc_offset_minutes, "ar@calendar=gregorian;numbers=latn", "EEE d MMM")
               : format_with(unix_ms, utc_offset_minutes, "en", "EEE d MMM");
}

std::string format_hijri_date(std::int64_t unix_ms, int utc_offset_minutes, Lang lang) {
    return lang == Lang::Ar
               ? format_with(unix_ms, utc_offset_minutes, "ar@calendar=islamic-umalqura;numbers=latn", "d MMMM y G")
               : format_with(unix_ms, utc_offset_minutes, "en@calendar=islamic-umalqura", "d MMMM y G");
}

}  // namespace ui::i18n
