// Visual order, data-driven: each line of data/mixed_strings.txt (phone numbers, reference
// codes, e-mails, URLs, brackets, quotes, Latin names in Arabic, bidi controls) is laid out
// on one line, and the clusters left to right must follow ICU's UBA visual map of the text.
// Brackets in right-to-left runs must be drawn mirrored.
#include <gtest/gtest.h>

#include <unicode/ubidi.h>
#include <algorithm>
#include <fstream>

#include "tests/unit/text/test_support.h"
#include "ui/text/handles.h"
#include "ui/text/utf8.h"

namespace ui::text {
namespace {

struct Case {
    Direction dir = Direction::Auto;
    std::string text;
};

std::vector<Case> cases() {
    std::vector<Case> out;
    std::ifstream in(KIOSK_TEXT_TEST_DATA "/mixed_strings.txt");
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto semi = line.find(';');
        const std::string d = line.substr(0, semi);
        out.push_back({d == "rtl"   ? Direction::Rtl
                       : d == "ltr" ? Direction::Ltr
                                    : Direction::Auto,
                       line.substr(semi + 1)});
    }
    return out;
}

// Byte offsets of the text's characters in ICU's visual order, left to right.
std::vector<std::uint32_t> icu_visual_bytes(const std::string& text, Direction dir) {
    std::u16string u16;
    std::vector<std::uint32_t> byte_of;
    for (std::size_t i = 0; i < text.size();) {
        const auto d = utf8::decode(text, i);
        if (d.cp >= 0x10000) {
            u16.push_back(static_cast<char16_t>(0xD800 + ((d.cp - 0x10000) >> 10)));
            u16.push_back(static_cast<char16_t>(0xDC00 + ((d.cp - 0x10000) & 0x3FF)));
            byte_of.push_back(static_cast<std::uint32_t>(i));
        } else {
            u16.push_back(static_cast<char16_t>(d.cp));
        }
        byte_of.push_back(static_cast<std::uint32_t>(i));
        i += d.length;
    }
    UErrorCode err = U_ZERO_ERROR;
    UBiDiPtr bidi(ubidi_open());
    const UBiDiLevel level = dir == Direction::Rtl ? 1 : dir == Direction::Ltr ? 0 : UBIDI_DEFAULT_LTR;
    ubidi_setPara(bidi.get(), u16.data(), static_cast<int32_t>(u16.size()), level, nullptr, &err);
    std::vector<int32_t> map(u16.size());
    ubidi_getVisualMap(bidi.get(), map.data(), &err);
    EXPECT_TRUE(U_SUCCESS(err));
    std::vector<std::uint32_t> out;
    for (const int32_t logical : map) {
        const std::uint32_t b = byte_of[static_cast<std::size_t>(logical)];
        if (out.empty() || out.back() != b) out.push_back(b);
    }
    return out;
}

// Collapses character offsets to the cluster that holds them (HarfBuzz merges a letter and
// its marks, or lam and alef, into one cluster), then drops repeats.
std::vector<std::uint32_t> to_clusters(const std::vector<std::uint32_t>& bytes, std::vector<std::uint32_t> starts) {
    std::sort(starts.begin(), starts.end());
    std::vector<std::uint32_t> out;
    for (const auto b : bytes) {
        auto it = std::upper_bound(starts.begin(), starts.end(), b);
        const std::uint32_t c = it == starts.begin() ? b : *(it - 1);
        if (out.empty() || out.back() != c) out.push_back(c);
    }
    return out;
}

TEST(VisualOrder, MixedStringsFollowIcuUba) {
    auto engine = testing::make_engine();
    const auto all = cases();
    ASSERT_GE(all.size(), 20u);
    std::size_t equal = 0;
    for (const Case& c : all) {
        SCOPED_TRACE(c.text);
        LayoutRequest r;
        r.text = c.text;
        r.direction = c.dir;
        const Layout& l = engine->layout(r);
        ASSERT_EQ(l.lines.size(), 1u);
        std::vector<std::uint32_t> ours;
        std::vector<std::uint32_t> starts;
        for (const Glyph& g : l.lines[0].glyphs) {
            if (ours.empty() || ours.back() != g.cluster) ours.push_back(g.cluster);
            starts.push_back(g.cluster);
        }
        const auto expected = to_clusters(icu_visual_bytes(c.text, c.dir), starts);
        EXPECT_EQ(ours, expected);
        equal += ours == expected ? 1 : 0;
    }
    std::printf("visual order: %zu of %zu mixed strings equal ICU's\n", equal, all.size());
}

TEST(VisualOrder, PhoneNumberStaysLeftToRightInsideArabic) {
    auto engine = testing::make_engine();
    const std::string text = "اتصل على 0138096734 أو info@mouj.org (الرياض)";
    const Layout& l = engine->layout({.text = text});
    ASSERT_EQ(l.lines.size(), 1u);
    const auto digits_at = text.find("0138096734");
    std::vector<std::uint32_t> digit_clusters;
    for (const Glyph& g : l.lines[0].glyphs)
        if (g.cluster >= digits_at && g.cluster < digits_at + 10) digit_clusters.push_back(g.cluster);
    ASSERT_EQ(digit_clusters.size(), 10u);
    EXPECT_TRUE(std::is_sorted(digit_clusters.begin(), digit_clusters.end()));
    // The sentence reads right to left: its first word is at the right end.
    EXPECT_EQ(l.lines[0].glyphs.back().cluster, 0u);
}

TEST(VisualOrder, BracketsAreMirroredInRightToLeftRuns) {
    auto engine = testing::make_engine();
    const Layout& l = engine->layout({.text = "(الرياض)"});
    const auto& glyphs = l.lines[0].glyphs;
    ASSERT_GE(glyphs.size(), 3u);
    hb_codepoint_t open = 0, close = 0;
    const FontFace& face = testing::fonts().face(glyphs.front().face);
    ASSERT_TRUE(hb_font_get_nominal_glyph(face.hb_font.get(), '(', &open));
    ASSERT_TRUE(hb_font_get_nominal_glyph(face.hb_font.get(), ')', &close));
    // Logical "(" is the rightmost glyph and must look like ")".
    EXPECT_EQ(glyphs.back().cluster, 0u);
    EXPECT_EQ(glyphs.back().gid, close);
    EXPECT_EQ(glyphs.front().gid, open);
}

TEST(VisualOrder, PunctuationEndsAtTheLeftOfArabic) {
    auto engine = testing::make_engine();
    const std::string question = "هل لديك ملاحظات؟";
    EXPECT_EQ(engine->layout({.text = question}).lines[0].glyphs.front().cluster, question.size() - 2);  // ؟ leftmost
    const std::string thanks = "شكرا!";
    EXPECT_EQ(engine->layout({.text = thanks}).lines[0].glyphs.front().cluster, thanks.size() - 1);
}

TEST(VisualOrder, BidiControlsInRawTextAreHarmless) {
    auto engine = testing::make_engine();
    const std::string nasty = "\u202Eabc\u202A\u2067\u2066\u200F\u061C\u202C\u202C\u202C\u2069\u2069\u2069\u2069x";
    const Layout& l = engine->layout({.text = nasty});
    ASSERT_EQ(l.lines.size(), 1u);
    for (const Glyph& g : l.lines[0].glyphs) EXPECT_LT(g.cluster, nasty.size());
    EXPECT_EQ(sanitize_input(nasty), "abcx");
}

}  // namespace
}  // namespace ui::text
