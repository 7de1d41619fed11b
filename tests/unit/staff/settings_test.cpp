// Specification of the saved kiosk settings: defaults until staff save, then what they saved.
#include <gtest/gtest.h>

#include "kiosk/staff/settings_store.h"
#include "store_fixture.h"

namespace kiosk::staff {
namespace {

TEST(SavedSettings, DefaultsUntilSavedThenSurviveAReopen) {
    store::testing::TempDir dir;
    const auto keys = store::testing::HqKeys::generate();
    const KioskSettings defaults{.idle_seconds = 90};
    {
        auto s = store::Store::open(dir.path(), store::testing::options_for(keys));
        ASSERT_TRUE(s);
        EXPECT_EQ(load_settings(*s, defaults), defaults);
        const KioskSettings chosen{.arabic_digits = true,
                                   .idle_seconds = 180,
                                   .english_default = true,
                                   .bigger_text = true,
                                   .high_contrast = true};
        ASSERT_TRUE(save_settings(*s, chosen));
    }
    auto s = store::Store::open(dir.path(), store::testing::options_for(keys));
    ASSERT_TRUE(s);
    const KioskSettings back = load_settings(*s, defaults);
    EXPECT_TRUE(back.arabic_digits);
    EXPECT_EQ(back.idle_seconds, 180);
    EXPECT_TRUE(back.english_default);
    EXPECT_TRUE(back.bigger_text);
    EXPECT_TRUE(back.high_contrast);
}

TEST(SavedSettings, DamagedValuesKeepTheDefault) {
    store::testing::TempDir dir;
    auto s = store::Store::open(dir.path(), store::testing::options_for(store::testing::HqKeys::generate()));
    ASSERT_TRUE(s);
    ASSERT_TRUE(s->set_setting("kiosk.idle_seconds", "5"));
    ASSERT_TRUE(s->set_setting("kiosk.digits", "roman"));
    const KioskSettings back = load_settings(*s, KioskSettings{.idle_seconds = 120});
    EXPECT_EQ(back.idle_seconds, 120);
    EXPECT_FALSE(back.arabic_digits);
}

}  // namespace
}  // namespace kiosk::staff
