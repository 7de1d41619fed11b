// The small stages alone: display-text preparation (NFC, digits, invalid bytes, offset map),
// input sanitising, the fonts.json reader, itemisation by font coverage, shaping with
// context across a split, and line breaking on given widths.
#include <gtest/gtest.h>

#include "tests/unit/text/test_support.h"
#include "ui/text/font_manifest.h"
#include "ui/text/itemize.h"
#include "ui/text/line_breaker.h"
#include "ui/text/normalize.h"
#include "ui/text/shaper.h"

namespace ui::text {
namespace {

TEST(Normalize, NfcComposesAndMapsBack) {
    DisplayText d;
    const std::string alef_madda_decomposed = "\xD8\xA7\xD9\x93x";  // U+0627 U+0653 → U+0622
    prepare_display_text(alef_madda_decomposed, Digits::Western, d);
    EXPECT_EQ(d.text, "\xD8\xA2x");
    ASSERT_EQ(d.to_source.size(), d.text.size() + 1);
    EXPECT_EQ(d.to_source[0], 0u);
    EXPECT_EQ(d.to_source[2], 4u);  // "x"
    EXPECT_EQ(d.to_source.back(), alef_madda_decomposed.size());
}

TEST(Normalize, DigitsAndInvalidBytes) {
    DisplayText d;
    prepare_display_text(
        "a1\xFF"
        "2",
        Digits::ArabicIndic, d);
    EXPECT_EQ(d.text, "a\xD9\xA1\xEF\xBF\xBD\xD9\xA2");
    EXPECT_EQ(d.to_source[1], 1u);
    EXPECT_EQ(d.to_source[3], 2u);  // U+FFFD ← the bad byte
    EXPECT_EQ(d.to_source[6], 3u);
    EXPECT_EQ(localize_digits("05 12", Digits::ArabicIndic), "٠٥ ١٢");
    EXPECT_EQ(localize_digits("05", Digits::Western), "05");
}

TEST(Normalize, SanitizeInputStripsInvisibleControls) {
    EXPECT_EQ(sanitize_input("\u202Bأحمد\u202C \u200Fمحمد\u2066"), "أحمد محمد");
    EXPECT_EQ(sanitize_input("a\xFF"
                             "b\xE0\x80"
                             "c"),
              "abc");  // malformed bytes
    // Other invisible characters are the application's to refuse, not the display's.
    EXPECT_EQ(sanitize_input("a\u200Bb"), "a\u200Bb");
    EXPECT_EQ(sanitize_input("لا\u200Cنعم\nسطر"), "لا\u200Cنعم\nسطر");  // ZWNJ and newlines stay
    EXPECT_EQ(sanitize_input("\xD8\xA7\xD9\x93"), "\xD8\xA2");          // NFC
}

TEST(FontManifest, ReadsRolesAndChain) {
    auto m = parse_font_manifest(R"({"comment":"x","fallback_chain":["a","b"],
        "roles":{"a":{"file":"A.ttf","n":[1,2,{"z":null}]},"b":{"file":"B\u0041.ttf"}}})");
    ASSERT_TRUE(m.has_value()) << m.error();
    EXPECT_EQ(m->fallback_chain, (std::vector<std::string>{"a", "b"}));
    ASSERT_EQ(m->roles.size(), 2u);
    EXPECT_EQ(m->roles[1].second, "BA.ttf");
    EXPECT_FALSE(parse_font_manifest(R"({"fallback_chain":["c"],"roles":{}})").has_value());
    EXPECT_FALSE(parse_font_manifest(R"({"fallback_chain":["a"],"roles":{"a":{}}})").has_value());
    EXPECT_FALSE(parse_font_manifest("{").has_value());
    EXPECT_FALSE(parse_font_manifest("").has_value());
}

TEST(FontSet, ChainsAndBoldRoles) {
    FontSet& f = testing::fonts();
    const auto regular = f.chain(Weight::Regular);
    const auto bold = f.chain(Weight::Bold);
    ASSERT_EQ(regular.size(), 4u);
    EXPECT_EQ(f.face(regular[0]).role, "arabic");
    EXPECT_EQ(f.face(regular[1]).role, "latin");
    EXPECT_EQ(f.face(regular[2]).role, "symbols");
    EXPECT_EQ(f.face(regular[3]).role, "symbols2");
    EXPECT_EQ(f.face(bold[0]).role, "arabic-bold");
    EXPECT_EQ(f.face(bold[1]).role, "latin-bold");
    EXPECT_EQ(f.face(bold[2]).role, "symbols");
    EXPECT_FALSE(FontSet::load("/nonexistent").has_value());
    EXPECT_FALSE(FontSet::load(default_font_dir(), "no-such-role").has_value());
    auto forced = FontSet::load(default_font_dir(), "latin");
    ASSERT_TRUE(forced.has_value());
    EXPECT_EQ(forced->face(forced->chain(Weight::Regular)[0]).role, "latin");
}

TEST(Itemize, RunsByLevelScriptAndCoverage) {
    FontSet& f = testing::fonts();
    const std::string text = "مرحبا Hello (٣) ★ ⯑";
    std::vector<std::uint8_t> levels(text.size(), 0);
    std::vector<Item> items;
    itemize(text, levels, f, f.chain(Weight::Regular), items);
    ASSERT_GE(items.size(), 4u);
    EXPECT_EQ(f.face(items[0].face).role, "arabic");
    EXPECT_EQ(items[0].script, HB_SCRIPT_ARABIC);
    EXPECT_EQ(items.front().begin, 0u);
    EXPECT_EQ(items.back().end, text.size());
    for (std::size_t i = 0; i + 1 < items.size(); ++i) EXPECT_EQ(items[i].end, items[i + 1].begin);
    bool latin = false, symbols = false, symbols2 = false;
    for (const Item& it : items) {
        latin = latin || f.face(it.face).role == "latin";
        symbols = symbols || f.face(it.face).role == "symbols";
        symbols2 = symbols2 || f.face(it.face).role == "symbols2";
    }
    EXPECT_TRUE(latin);
    EXPECT_TRUE(symbols);   // ★ is in DejaVu Sans
    EXPECT_TRUE(symbols2);  // ⯑ only in Noto Sans Symbols 2
    // A space between two Arabic words stays in the Arabic run: one item.
    itemize("قيّم الخدمة", levels, f, f.chain(Weight::Regular), items);
    EXPECT_EQ(items.size(), 1u);
}

TEST(Shaper, ContextKeepsLettersJoinedAcrossASplit) {
    FontSet& f = testing::fonts();
    Shaper shaper(f);
    const std::string text = "ببب";  // three beh: initial, medial, final
    Item whole{0, 6, 1, testing::face_of("arabic"), HB_SCRIPT_ARABIC};
    std::vector<ShapedGlyph> all;
    shaper.shape(text, 0, 6, whole, 24 * 64, all);
    ASSERT_EQ(all.size(), 3u);
    // The middle letter shaped alone but with the paragraph as context is still medial.
    Item middle = whole;
    middle.begin = 2;
    middle.end = 4;
    std::vector<ShapedGlyph> with_context;
    shaper.shape(text, 0, 6, middle, 24 * 64, with_context);
    ASSERT_EQ(with_context.size(), 1u);
    EXPECT_EQ(with_context[0].gid, all[1].gid);
    EXPECT_EQ(with_context[0].cluster, 2u);
    std::vector<ShapedGlyph> without;
    shaper.shape(text, 2, 4, middle, 24 * 64, without);
    EXPECT_NE(without[0].gid, all[1].gid);  // isolated form
    EXPECT_EQ(shaper.calls(), 3u);
}

TEST(LineBreaker, GreedyOnGivenWidths) {
    LineBreaker b;
    const std::string text = "aaa bbb ccc dddddddddd";
    std::vector<std::int64_t> width(text.size() + 1);
    for (std::size_t i = 0; i <= text.size(); ++i) width[i] = static_cast<std::int64_t>(i);  // 1 unit per byte
    std::vector<LineSpan> lines;
    b.break_lines(text, width, 7, lines);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(text.substr(lines[0].begin, lines[0].visible_end - lines[0].begin), "aaa bbb");
    EXPECT_EQ(lines[0].end, 8u);  // the space hangs on the first line
    EXPECT_EQ(text.substr(lines[1].begin, lines[1].visible_end - lines[1].begin), "ccc");
    EXPECT_EQ(text.substr(lines[2].begin, lines[2].end - lines[2].begin), "ddddddd");  // long word split
    EXPECT_EQ(text.substr(lines[3].begin, lines[3].end - lines[3].begin), "ddd");
    b.break_lines(text, width, 0, lines);
    ASSERT_EQ(lines.size(), 1u);
    b.break_lines("", std::vector<std::int64_t>{0}, 5, lines);
    ASSERT_EQ(lines.size(), 1u);
    b.break_lines("abc", std::vector<std::int64_t>{0, 9, 18, 27}, 1, lines);  // narrower than a letter
    EXPECT_EQ(lines.size(), 3u);
}

}  // namespace
}  // namespace ui::text
