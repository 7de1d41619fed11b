// Specification of the name rule: Arabic or Latin letters, harakat allowed, tatweel removed,
// and nothing that lets a name pretend to be something else.
#include <gtest/gtest.h>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/validation.h"

namespace kiosk::domain {
namespace {

struct Case {
    const char* input;
    NameRule rule;
    const char* expected;
    std::string_view error;
    int limit = 0;
};

constexpr NameRule kFull{Presence::required, true};
constexpr NameRule kAny{Presence::required, false};
constexpr NameRule kOptional{Presence::optional, false};

TEST(Name, Table) {
    const Case cases[] = {
        {"محمد بن عبدالله", kFull, "محمد بن عبدالله", {}},
        {"  فاطمة    الزهراني ", kFull, "فاطمة الزهراني", {}},
        {"مُحَمَّد العُمَري", kFull, "مُحَمَّد العُمَري", {}},
        {"عبـــدالله الشـمري", kFull, "عبدالله الشمري", {}},  // tatweel removed
        {"Abdul-Rahman O'Neil", kFull, "Abdul-Rahman O'Neil", {}},
        {"José Müller", kFull, "José Müller", {}},
        {"Jose\u0301 Mu\u0308ller", kFull, "José Müller", {}},  // NFC composes
        {"سارة", kAny, "سارة", {}},
        {"سارة", kFull, "", keys::name_full_name_required},
        {"Abdul-Rahman", kFull, "", keys::name_full_name_required},  // one word with a hyphen
        {"محمد Ali", kFull, "", keys::name_mixed_scripts},
        {"Аli Hassan", kFull, "", keys::name_invalid_character},  // Cyrillic А posing as Latin A
        {"Ali 2nd", kFull, "", keys::name_invalid_character},
        {"علي ٣", kFull, "", keys::name_invalid_character},
        {"Ali_Hassan", kAny, "", keys::name_invalid_character},
        {"-Ali Hassan", kFull, "", keys::name_invalid_character},
        {"Ali- Hassan", kFull, "", keys::name_invalid_character},
        {"\u064Eعلي حسن", kFull, "", keys::name_invalid_character},  // a haraka with no letter
        {"عَََََلي حسن", kFull, "", keys::name_invalid_character},        // four marks on one letter
        {"Ali\u202E Hassan", kFull, "", keys::invisible_character},
        {"أ", kAny, "", keys::too_short, 2},
        {"ـــ", kAny, "", keys::required},  // only tatweel: nothing left
        {"", kAny, "", keys::required},
        {"", kOptional, "", {}},
    };
    for (const Case& c : cases) {
        const Checked<std::string> got = check_name(c.input, c.rule);
        EXPECT_EQ(got.error, c.error) << c.input;
        EXPECT_EQ(got.value, c.expected) << c.input;
        EXPECT_EQ(got.limit, c.limit) << c.input;
    }
}

TEST(Name, LengthIsCountedWithoutHarakat) {
    std::string vowelled;  // 179 code points, 90 visible characters
    for (int i = 0; i < 90; ++i) vowelled += i == 45 ? " " : "بَ";
    EXPECT_TRUE(check_name(vowelled, kFull).ok());
    const std::string too_long = std::string(60, 'a') + " " + std::string(60, 'b');
    const Checked<std::string> got = check_name(too_long, kFull);
    EXPECT_EQ(got.error, keys::too_long);
    EXPECT_EQ(got.limit, kNameMaxChars);
}

}  // namespace
}  // namespace kiosk::domain
