// Specification of whole numbers (family size, monthly income) and free-text limits.
#include <gtest/gtest.h>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/records.h"
#include "kiosk/domain/validation.h"

namespace kiosk::domain {
namespace {

TEST(FamilySize, Table) {
    const struct {
        const char* input;
        std::int64_t expected;
        std::string_view error;
    } cases[] = {
        {"1", 1, {}},
        {"30", 30, {}},
        {"٧", 7, {}},
        {"۱۲", 12, {}},
        {" 4 ", 4, {}},
        {"0", 0, keys::family_size_range},
        {"31", 0, keys::family_size_range},
        {"-2", 0, keys::family_size_range},
        {"four", 0, keys::number_invalid},
        {"2.5", 0, keys::number_invalid},
        {"", 0, keys::required},
        {"99999999999999999999999", 0, keys::family_size_range},
    };
    for (const auto& c : cases) {
        const Checked<std::int64_t> got = check_whole_number(c.input, 1, kFamilySizeMax, keys::family_size_range);
        EXPECT_EQ(got.error, c.error) << c.input;
        EXPECT_EQ(got.value, c.expected) << c.input;
    }
}

TEST(Income, Table) {
    const struct {
        const char* input;
        std::int64_t expected;
        std::string_view error;
    } cases[] = {
        {"0", 0, {}},
        {"3500", 3500, {}},
        {"1,000,000", 1'000'000, {}},
        {"٣٬٥٠٠", 3500, {}},  // Arabic thousands separator
        {"۴۵۰۰", 4500, {}},
        {"12 000", 12000, {}},
        {"1000001", 0, keys::income_range},
        {"3500 SAR", 0, keys::number_invalid},
        {"٣٥٠٠ ريال", 0, keys::number_invalid},
        {",", 0, keys::number_invalid},
    };
    for (const auto& c : cases) {
        const Checked<std::int64_t> got = check_whole_number(c.input, 0, kIncomeMax, keys::income_range);
        EXPECT_EQ(got.error, c.error) << c.input;
        EXPECT_EQ(got.value, c.expected) << c.input;
    }
}

TEST(FreeText, LimitsAreReportedWithTheNumber) {
    const TextRule rule{Presence::required, 10, 20, true, false};
    EXPECT_EQ(check_text("short", rule).error, keys::too_short);
    EXPECT_EQ(check_text("short", rule).limit, 10);
    EXPECT_EQ(check_text(std::string(21, 'x'), rule).error, keys::too_long);
    EXPECT_EQ(check_text(std::string(21, 'x'), rule).limit, 20);
    EXPECT_EQ(check_text("line one\n\n\nline two", rule).value, "line one\n\nline two");
    EXPECT_EQ(check_text("", rule).error, keys::required);
    EXPECT_TRUE(check_text("", {Presence::optional, 10, 20, false, false}).ok());
}

TEST(ContentKey, Table) {
    EXPECT_TRUE(is_content_key("social_research"));
    EXPECT_TRUE(is_content_key("svc-2.b"));
    EXPECT_FALSE(is_content_key(""));
    EXPECT_FALSE(is_content_key("Social"));
    EXPECT_FALSE(is_content_key("a b"));
    EXPECT_FALSE(is_content_key(std::string(65, 'a')));
}

}  // namespace
}  // namespace kiosk::domain
