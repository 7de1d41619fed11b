// Dates and times in the kiosk's fixed zone, independent of the machine's TZ.
#include <gtest/gtest.h>

#include "ui/i18n/clock.h"

namespace {

using ui::i18n::Lang;

constexpr std::int64_t kMorning = 1773556200000;  // 2026-03-15 06:30 UTC = 09:30 in Riyadh

TEST(Clock, TimeInRiyadh) {
    EXPECT_EQ(ui::i18n::format_time(kMorning, 180, Lang::En), "9:30 AM");
    EXPECT_EQ(ui::i18n::format_time(kMorning, 180, Lang::Ar), "9:30 ص");
    EXPECT_EQ(ui::i18n::format_time(kMorning, 0, Lang::En), "6:30 AM");
}

TEST(Clock, GregorianDate) {
    EXPECT_EQ(ui::i18n::format_date(kMorning, 180, Lang::En), "Sunday 15 March 2026");
    EXPECT_EQ(ui::i18n::format_date(kMorning, 180, Lang::Ar), "الأحد 15 مارس 2026");
}

TEST(Clock, HijriDate) {
    // 15 March 2026 is 26 Ramadan 1447 in the Umm al-Qura calendar.
    EXPECT_EQ(ui::i18n::format_hijri_date(kMorning, 180, Lang::Ar), "26 رمضان 1447 هـ");
}

}  // namespace
