// Specification of the Saudi national ID / iqama and mobile number rules.
#include <gtest/gtest.h>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/validation.h"

namespace kiosk::domain {
namespace {

struct Case {
    const char* input;
    const char* expected;  // normalised value when accepted
    std::string_view error;
};

TEST(NationalId, Table) {
    const Case cases[] = {
        {"1000000008", "1000000008", {}},  // citizen
        {"2000000006", "2000000006", {}},  // resident (iqama)
        {"1045678909", "1045678909", {}},
        {"2123456788", "2123456788", {}},
        {"١٠٤٥٦٧٨٩٠٩", "1045678909", {}},     // Arabic-Indic digits
        {"۲۱۲۳۴۵۶۷۸۸", "2123456788", {}},     // Eastern Arabic-Indic digits
        {"1 045 678 909", "1045678909", {}},  // spaces tolerated
        {"1-045-678-909", "1045678909", {}},  // dashes tolerated
        {" 1000000008 ", "1000000008", {}},
        {"1000000007", "", keys::national_id_checksum},
        {"1045678900", "", keys::national_id_checksum},
        {"1054678909", "", keys::national_id_checksum},  // adjacent digits swapped
        {"3000000004", "", keys::national_id_prefix},    // Luhn-valid but not 1 or 2
        {"0000000000", "", keys::national_id_prefix},
        {"100000008", "", keys::national_id_length},
        {"10000000080", "", keys::national_id_length},
        {"10000O0008", "", keys::national_id_invalid_character},  // letter O for zero
        {"1000000008\u202E", "", keys::invisible_character},
        {"", "", keys::required},
        {"  - ", "", keys::required},
    };
    for (const Case& c : cases) {
        const Checked<std::string> got = check_national_id(c.input);
        EXPECT_EQ(got.error, c.error) << c.input;
        EXPECT_EQ(got.value, c.expected) << c.input;
    }
}

TEST(Mobile, Table) {
    const Case cases[] = {
        {"0501234567", "0501234567", {}},
        {"501234567", "0501234567", {}},
        {"+966501234567", "0501234567", {}},
        {"00966501234567", "0501234567", {}},
        {"966501234567", "0501234567", {}},
        {"+966 0501234567", "0501234567", {}},  // trunk zero kept after the country code
        {"+966 50 123 4567", "0501234567", {}},
        {"050-123-4567", "0501234567", {}},
        {"(050) 123.4567", "0501234567", {}},
        {"٠٥٠١٢٣٤٥٦٧", "0501234567", {}},
        {"۰۵۵۹۸۷۶۵۴۳", "0559876543", {}},
        {"+٩٦٦٥٠١٢٣٤٥٦٧", "0501234567", {}},
        {"0131234567", "", keys::mobile_format},     // a landline
        {"050123456", "", keys::mobile_format},      // one digit short
        {"05012345678", "", keys::mobile_format},    // one digit long
        {"+971501234567", "", keys::mobile_format},  // another country
        {"+", "", keys::mobile_format},
        {"05O1234567", "", keys::mobile_invalid_character},
        {"050+1234567", "", keys::mobile_invalid_character},
        {"0501234567\u200F", "", keys::invisible_character},
        {"", "", keys::required},
    };
    for (const Case& c : cases) {
        const Checked<std::string> got = check_mobile(c.input);
        EXPECT_EQ(got.error, c.error) << c.input;
        EXPECT_EQ(got.value, c.expected) << c.input;
    }
}

TEST(Mobile, OptionalMayBeBlankButNotWrong) {
    EXPECT_TRUE(check_mobile("", Presence::optional).ok());
    EXPECT_TRUE(check_mobile("  ", Presence::optional).ok());
    EXPECT_EQ(check_mobile("  ", Presence::optional).value, "");
    EXPECT_EQ(check_mobile("0123", Presence::optional).error, keys::mobile_format);
}

}  // namespace
}  // namespace kiosk::domain
