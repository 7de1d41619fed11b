// ui/i18n/clock.h — dates and times for the visitor, in their language and calendar.
// Saudi Arabia keeps one offset all year, so the kiosk's zone is a fixed UTC offset from its
// configuration; the result never depends on the machine's TZ (headless runs stay identical).
#pragma once

#include <cstdint>
#include <string>

#include "ui/i18n/strings.h"

namespace ui::i18n {

std::string format_time(std::int64_t unix_ms, int utc_offset_minutes, Lang lang);  // 9:30 ص
std::string format_date(std::int64_t unix_ms, int utc_offset_minutes, Lang lang);  // الأحد 15 مارس 2026
// A short day under a chart: weekday, day and month, "الأحد 15 مارس", "Sun 15 Mar".
std::string format_short_day(std::int64_t unix_ms, int utc_offset_minutes, Lang lang);
std::string format_hijri_date(std::int64_t unix_ms, int utc_offset_minutes, Lang lang);  // 25 رمضان 1447 هـ

}  // namespace ui::i18n
