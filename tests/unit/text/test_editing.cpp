// Editing: boundaries by user-perceived character (a haraka typed last goes alone), the
// EditState struct, and caret / hit testing through the visual runs of a Layout.
#include <gtest/gtest.h>

#include "tests/unit/text/test_support.h"
#include "ui/text/editing.h"

namespace ui::text {
namespace {

TEST(Editing, BackspaceRemovesAHarakaAlone) {
    const std::string ba_fatha = "بَ";  // U+0628 U+064E
    EXPECT_EQ(previous_boundary(ba_fatha, ba_fatha.size()), 2u);
    EXPECT_EQ(erase_last_character(ba_fatha), "ب");
    const std::string shadda_fatha = "رَّ";  // letter + fatha + shadda typed in that order
    EXPECT_EQ(erase_last_character(shadda_fatha), "رَ");
    EXPECT_EQ(erase_last_character("مرحبا"), "مرحب");
    EXPECT_EQ(erase_last_character(""), "");
}

TEST(Editing, BackspaceRemovesWholeGraphemesOtherwise) {
    EXPECT_EQ(erase_last_character("cafe\xCC\x81"), "caf");                       // e + combining acute
    EXPECT_EQ(erase_last_character("hi\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), "hi");  // thumbs up + skin tone
    EXPECT_EQ(erase_last_character("a\r\n"), "a");
}

TEST(Editing, NextBoundaryKeepsHarakatWithTheirLetter) {
    const std::string s = "بَت";
    EXPECT_EQ(next_boundary(s, 0), 4u);
    EXPECT_EQ(next_boundary(s, 4), 6u);
    EXPECT_EQ(next_boundary(s, 6), 6u);
    EXPECT_EQ(previous_boundary(s, 6), 4u);
}

TEST(Editing, EditStateInsertBackspaceAndMove) {
    EditState e;
    e.insert("مرحبا");
    EXPECT_EQ(e.caret, e.text.size());
    e.insert(" \u202Eعالم");  // the override is dropped
    EXPECT_EQ(e.text, "مرحبا عالم");
    e.backspace();
    EXPECT_EQ(e.text, "مرحبا عال");
    e.move_home();
    e.move_next();
    e.insert("x");
    EXPECT_EQ(e.text, "مxرحبا عال");
    e.move_previous();
    e.erase_forward();
    EXPECT_EQ(e.text, "مرحبا عال");
    e.move_end();
    e.insert("مَ");
    e.backspace();
    EXPECT_EQ(e.text, "مرحبا عالم");
    e.caret = 1000;  // a stale caret is clamped, not trusted
    e.backspace();
    EXPECT_EQ(e.text, "مرحبا عال");
    e.clear();
    EXPECT_EQ(e, EditState{});
}

TEST(Caret, ArabicCaretMovesRightToLeft) {
    auto engine = testing::make_engine();
    const std::string text = "سلام";
    const Layout& l = engine->layout({.text = text});
    const Line& line = l.lines[0];
    EXPECT_NEAR(engine->caret(l, 0).x, line.x + line.width, 0.01f);
    EXPECT_NEAR(engine->caret(l, text.size()).x, line.x, 0.01f);
    float previous = engine->caret(l, 0).x;
    for (std::size_t i = 2; i <= text.size(); i += 2) {
        const float x = engine->caret(l, i).x;
        EXPECT_LT(x, previous);
        previous = x;
    }
}

TEST(Caret, HitTestIsTheInverseOfCaret) {
    auto engine = testing::make_engine();
    for (const std::string text : {"Hello world", "مرحبا بكم", "رقم 0138 هنا"}) {
        SCOPED_TRACE(text);
        const Layout& l = engine->layout({.text = text});
        const float mid = l.line_height * 0.5f;
        for (std::size_t i = 0; i <= text.size(); i = next_boundary(text, i)) {
            const Caret c = engine->caret(l, i);
            EXPECT_FLOAT_EQ(c.bottom - c.top, l.line_height);
            // Pure-direction text: every boundary maps back to itself.
            if (text != "رقم 0138 هنا") {
                EXPECT_EQ(engine->hit_test(l, c.x, mid), i) << i;
            }
            if (i == text.size()) break;
        }
        EXPECT_EQ(engine->hit_test(l, -100, mid), l.rtl ? text.size() : 0u);
        EXPECT_EQ(engine->hit_test(l, 10000, mid), l.rtl ? 0u : text.size());
    }
}

TEST(Caret, MixedRunsUseTheRunOfTheCharacterBeforeTheCaret) {
    auto engine = testing::make_engine();
    const std::string text = "رقم 0138";
    const Layout& l = engine->layout({.text = text});
    const Line& line = l.lines[0];
    // After the last digit: the right edge of "8" (left-to-right run), not the line's left end.
    const float after_8 = engine->caret(l, text.size()).x;
    float right_of_8 = 0;
    for (const Glyph& g : line.glyphs)
        if (g.cluster == text.size() - 1) right_of_8 = line.x + g.x + g.advance;
    EXPECT_NEAR(after_8, right_of_8, 0.01f);
    // Hit tests anywhere on the line give indices inside the text.
    for (float x = -5; x < line.width + 5; x += 3) EXPECT_LE(engine->hit_test(l, x, 1), text.size());
}

TEST(Caret, ATouchInsideLamAlefLandsBetweenItsLetters) {
    auto engine = testing::make_engine();
    const std::string text = "لا";  // lam + alef: one ligature glyph, one cluster of 4 bytes
    const Layout& l = engine->layout({.text = text});
    const Line& line = l.lines[0];
    ASSERT_EQ(line.glyphs.size(), 1u) << "the font should form the lam-alef ligature";
    const float right = line.x + line.glyphs[0].x + line.glyphs[0].advance;
    const float width = line.glyphs[0].advance;
    const float mid = l.line_height * 0.5f;
    // Read from the right: near the right edge is before the lam, the middle is between the
    // letters (where the caret for index 2 is drawn), near the left edge is after the alef.
    EXPECT_EQ(engine->hit_test(l, text, right - 0.1f * width, mid), 0u);
    EXPECT_EQ(engine->hit_test(l, text, right - 0.4f * width, mid), 2u);
    EXPECT_EQ(engine->hit_test(l, text, right - 0.6f * width, mid), 2u);
    EXPECT_EQ(engine->hit_test(l, text, right - 0.9f * width, mid), 4u);
    EXPECT_NEAR(engine->caret(l, 2).x, right - 0.5f * width, 0.01f);
    // Without the text the touch still lands on a boundary: an end of the ligature.
    const std::size_t blind = engine->hit_test(l, right - 0.4f * width, mid);
    EXPECT_TRUE(blind == 0u || blind == 4u);
    // Inside a word the same holds: every boundary of "سلام" round-trips through the ligature.
    const std::string word = "سلام";
    const Layout& w = engine->layout({.text = word});
    for (std::size_t i = 0; i <= word.size(); i = next_boundary(word, i)) {
        EXPECT_EQ(engine->hit_test(w, word, engine->caret(w, i).x, mid), i) << i;
        if (i == word.size()) break;
    }
}

TEST(Caret, MultiLineHitTestPicksTheRow) {
    auto engine = testing::make_engine();
    const Layout& l = engine->layout({.text = "سطر أول\nسطر ثان"});
    ASSERT_EQ(l.lines.size(), 2u);
    const std::size_t second = engine->hit_test(l, 0, l.line_height * 1.5f);
    EXPECT_GE(second, l.lines[1].begin);
    EXPECT_GT(engine->caret(l, l.lines[1].begin).top, 0.0f);
}

}  // namespace
}  // namespace ui::text
