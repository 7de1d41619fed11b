// Specification of text::clean and friends: what a visitor's text becomes before it is
// stored, and which inputs are refused outright.
#include <gtest/gtest.h>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/text.h"
#include "kiosk/domain/utf8.h"

namespace kiosk::domain::text {
namespace {

struct CleanCase {
    const char* why;
    std::string input;
    CleanOptions options;
    std::string expected;         // when accepted
    std::string_view error = {};  // when refused
};

const CleanOptions kSingle{};
const CleanOptions kMulti{Lines::multiple, false};
const CleanOptions kName{Lines::single, true};

TEST(TextClean, Table) {
    const CleanCase cases[] = {
        {"plain Latin is kept", "Hello", kSingle, "Hello"},
        {"tab is a control character", "a\tb", kSingle, "", keys::invisible_character},
        {"runs of spaces become one", "  محمد    علي  ", kSingle, "محمد علي"},
        {"no-break and ideographic spaces count as spaces", "a\u00A0\u00A0b\u3000c", kSingle, "a b c"},
        {"tatweel removed for names", "محـــمد", kName, "محمد"},
        {"tatweel kept in free text", "محـمد", kSingle, "محـمد"},
        {"harakat kept", "مُحَمَّد", kName, "مُحَمَّد"},
        {"NFC: e + combining acute composes", "e\u0301", kSingle, "\u00E9"},
        {"NFC: alef + hamza above composes", "\u0627\u0654", kSingle, "\u0623"},
        {"tatweel between a letter and its marks goes before NFC reorders", "\u0628\u0650\u0640\u064E", kName,
         "\u0628\u064E\u0650"},
        {"newline refused in a single-line field", "a\nb", kSingle, "", keys::invisible_character},
        {"newline kept in multi-line text", "a\nb", kMulti, "a\nb"},
        {"blank lines collapse to one", "a\n\n\n\nb", kMulti, "a\n\nb"},
        {"spaces around newlines dropped", "a  \n  b", kMulti, "a\nb"},
        {"leading and trailing blank lines dropped", "\n\n a \n\n", kMulti, "a"},
        {"carriage return is a control character", "a\r\nb", kMulti, "", keys::invisible_character},
        {"NUL refused", std::string("a\0b", 3), kSingle, "", keys::invisible_character},
        {"DEL refused", "a\x7F", kSingle, "", keys::invisible_character},
        {"C1 control refused", "a\u0085b", kSingle, "", keys::invisible_character},
        {"right-to-left override refused", "abc\u202Edef", kSingle, "", keys::invisible_character},
        {"left-to-right embedding refused", "\u202Aabc", kSingle, "", keys::invisible_character},
        {"first strong isolate refused", "\u2068abc\u2069", kSingle, "", keys::invisible_character},
        {"right-to-left mark refused", "abc\u200F", kSingle, "", keys::invisible_character},
        {"Arabic letter mark refused", "\u061Cabc", kSingle, "", keys::invisible_character},
        {"zero-width space refused", "ab\u200Bc", kSingle, "", keys::invisible_character},
        {"zero-width joiner refused", "ab\u200Dc", kSingle, "", keys::invisible_character},
        {"byte order mark refused", "\uFEFFabc", kSingle, "", keys::invisible_character},
        {"soft hyphen refused", "ab\u00ADc", kSingle, "", keys::invisible_character},
        {"variation selector refused", "a\uFE0F", kSingle, "", keys::invisible_character},
        {"line separator refused", "a\u2028b", kMulti, "", keys::invisible_character},
        {"private use refused", "a\uE000", kSingle, "", keys::unsupported_character},
        {"noncharacter refused", "a\uFFFF", kSingle, "", keys::unsupported_character},
        {"invalid UTF-8 refused", "a\xC3", kSingle, "", keys::invalid_encoding},
        {"overlong UTF-8 refused", "\xC0\xAF", kSingle, "", keys::invalid_encoding},
        {"UTF-8 encoded surrogate refused", "\xED\xA0\x80", kSingle, "", keys::invalid_encoding},
        {"too many bytes refused before any work", std::string(20000, 'a'), kSingle, "", keys::too_long},
        {"empty stays empty", "", kSingle, ""},
        {"only spaces becomes empty", "   ", kSingle, ""},
    };
    for (const CleanCase& c : cases) {
        const Cleaned got = clean(c.input, c.options);
        EXPECT_EQ(got.error, c.error) << c.why;
        EXPECT_EQ(got.text, c.expected) << c.why;
    }
}

TEST(TextClean, IsIdempotent) {
    for (const char* s : {"  مُحَمَّد   بن  ", "e\u0301\u0301", "a\n\n\nb  c", "\u0628\u0650\u0640\u064E"}) {
        const Cleaned once = clean(s, {Lines::multiple, true});
        ASSERT_TRUE(once.error.empty());
        EXPECT_EQ(clean(once.text, {Lines::multiple, true}).text, once.text) << s;
    }
}

// What a field lets a visitor type is exactly what clean() accepts: the characters the
// display layer keeps (ZWJ/ZWNJ, private use, format characters) are dropped as typed.
TEST(TextTypeable, KeepsWhatCleanAccepts) {
    EXPECT_EQ(keep_typeable("a\u200Bb\uFEFF"
                            "c\x01\xFF",
                            Lines::single),
              "abc");
    EXPECT_EQ(keep_typeable("لا\u200Cنعم\u200Dx", Lines::single), "لانعمx");
    EXPECT_EQ(keep_typeable("\uE000محمد\u202E", Lines::single), "محمد");
    EXPECT_EQ(keep_typeable("سطر\nسطر", Lines::single), "سطرسطر");
    EXPECT_EQ(keep_typeable("سطر\nسطر", Lines::multiple), "سطر\nسطر");
    EXPECT_EQ(keep_typeable("٠٥٥ 123", Lines::single), "٠٥٥ 123");
    // Whatever survives, clean() accepts: no visitor is refused for what the field let in.
    for (std::string_view typed : {"a\u200Bb", "x\u2066y\u2069", "\U0010FFFFz", "ok\tok"}) {
        const std::string kept = keep_typeable(typed, Lines::single);
        EXPECT_TRUE(clean(kept).error.empty()) << kept;
    }
}

TEST(TextDigits, ThreeDigitSetsAndNothingElse) {
    EXPECT_EQ(digit_value(U'7'), 7);
    EXPECT_EQ(digit_value(U'\u0667'), 7);   // ٧ Arabic-Indic
    EXPECT_EQ(digit_value(U'\u06F7'), 7);   // ۷ Eastern Arabic-Indic
    EXPECT_EQ(digit_value(U'\u0966'), -1);  // Devanagari zero: not a Saudi digit
    EXPECT_EQ(digit_value(U'a'), -1);
}

TEST(TextLength, MarksDoNotCount) {
    EXPECT_EQ(visible_length("مُحَمَّد"), 4u);
    EXPECT_EQ(visible_length("abc"), 3u);
    EXPECT_EQ(visible_length(""), 0u);
}

TEST(TextRedact, NumbersAndEmailsAreMasked) {
    const struct {
        std::string in, out;
    } cases[] = {
        {"call me 0501234567 please", "call me ••• please"},
        {"رقمي ٠٥٠١٢٣٤٥٦٧", "رقمي •••"},
        {"050 123 4567", "•••"},
        {"+966 50 123 4567 thanks", "••• thanks"},
        {"id 1000000008.", "id •••."},
        {"write to a.b@mail.com now", "write to ••• now"},
        {"waited 45 minutes in 2024", "waited 45 minutes in 2024"},
        {"counter 3, score 4/5", "counter 3, score 4/5"},
        {"@ alone stays", "@ alone stays"},
    };
    for (const auto& c : cases) EXPECT_EQ(redact_contact_details(c.in), c.out) << c.in;
}

TEST(Utf8, RoundTripsEveryPlane) {
    const std::u32string cps = {U'a', U'\u00E9', U'\u0645', U'\uFFFD', U'\U0001F600', U'\U0010FFFD'};
    const std::string bytes = utf8::encode(cps);
    EXPECT_EQ(utf8::decode(bytes), cps);
    EXPECT_FALSE(utf8::decode("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(utf8::decode("\xE0\x80\xAF"));      // overlong
    EXPECT_FALSE(utf8::decode("\x80"));              // lone continuation
}

}  // namespace
}  // namespace kiosk::domain::text
