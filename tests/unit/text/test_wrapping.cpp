// Line breaking through the engine: long right-to-left paragraphs, a word longer than the
// line, harakat at a break, URLs, and truncation with the ellipsis on the reading end.
#include <gtest/gtest.h>

#include <unicode/uchar.h>

#include "tests/unit/text/test_support.h"
#include "ui/text/utf8.h"

namespace ui::text {
namespace {

const std::string kParagraph =
    "تسعى الجمعية إلى تنمية المجتمع المحلي من خلال برامج الدعم والتمكين، وتستقبل طلبات المستفيدين "
    "واستفساراتهم وشكاواهم ومقترحاتهم عبر هذه الشاشة، ويمكنكم متابعة حالة الطلب برقم المرجع MJ-2024-0042 "
    "أو بالاتصال على 0138096734، كما نرحب بالمتطوعين في جميع المجالات (التعليم، الصحة، الإغاثة) "
    "ونشكر لكم ثقتكم وتعاونكم الدائم مع فريق العمل.";

void expect_tiles(const Layout& l, std::size_t size) {
    ASSERT_FALSE(l.lines.empty());
    EXPECT_EQ(l.lines.front().begin, 0u);
    EXPECT_EQ(l.lines.back().end, size);
    for (std::size_t i = 0; i + 1 < l.lines.size(); ++i) EXPECT_EQ(l.lines[i].end, l.lines[i + 1].begin);
    for (const Line& line : l.lines)
        for (const Glyph& g : line.glyphs) {
            EXPECT_GE(g.cluster, line.begin);
            EXPECT_LT(g.cluster, line.end);
        }
}

TEST(Wrapping, LongRightToLeftParagraph) {
    auto engine = testing::make_engine();
    for (const float width : {120.0f, 200.0f, 350.0f, 600.0f}) {
        SCOPED_TRACE(width);
        LayoutRequest r;
        r.text = kParagraph;
        r.max_width = width;
        const Layout& l = engine->layout(r);
        EXPECT_GT(l.lines.size(), 2u);
        expect_tiles(l, kParagraph.size());
        for (const Line& line : l.lines) {
            EXPECT_LE(line.width, width + 0.01f);
            EXPECT_TRUE(line.rtl);
            EXPECT_NEAR(line.x + line.width, width, 0.01f);  // start = right edge
            // No wrapped line starts or ends (visibly) with a space.
            ASSERT_FALSE(line.glyphs.empty());
        }
        EXPECT_NEAR(l.height, static_cast<float>(l.lines.size()) * l.line_height, 0.01f);
    }
}

TEST(Wrapping, WordLongerThanTheLineIsSplitAndReshaped) {
    auto engine = testing::make_engine();
    const std::string word = "واستفساراتكمواستفساراتكمواستفساراتكم";
    LayoutRequest r;
    r.text = word;
    r.max_width = 90;
    const auto before = engine->stats().shaped_runs;
    const Layout& l = engine->layout(r);
    ASSERT_GT(l.lines.size(), 1u);
    expect_tiles(l, word.size());
    EXPECT_GT(engine->stats().shaped_runs - before, 1u);  // pieces were shaped again without the cut context
    for (const Line& line : l.lines) EXPECT_LE(line.width, 90.01f);
    // Each piece looks exactly like that piece shaped alone (no joining across the break).
    for (const Line& line : l.lines) {
        const std::string piece = word.substr(line.begin, line.end - line.begin);
        LayoutRequest alone;
        alone.text = piece;
        const Layout& a = engine->layout(alone);
        ASSERT_EQ(a.lines.size(), 1u);
        ASSERT_EQ(a.lines[0].glyphs.size(), line.glyphs.size()) << piece;
        for (std::size_t i = 0; i < line.glyphs.size(); ++i) EXPECT_EQ(a.lines[0].glyphs[i].gid, line.glyphs[i].gid);
    }
}

TEST(Wrapping, HarakatStayWithTheirLetters) {
    auto engine = testing::make_engine();
    const std::string text = "كَتَبَ الوَلَدُ الدَّرْسَ جَيِّدًا ثُمَّ ذَهَبَ إِلَى المَدْرَسَةِ مُبَكِّرًا";
    for (float width = 60; width <= 300; width += 20) {
        SCOPED_TRACE(width);
        LayoutRequest r;
        r.text = text;
        r.max_width = width;
        const Layout& l = engine->layout(r);
        expect_tiles(l, text.size());
        for (const Line& line : l.lines) {
            if (line.begin == 0 || line.begin >= text.size()) continue;
            const char32_t first = utf8::decode(text, line.begin).cp;
            EXPECT_NE(u_charType(static_cast<UChar32>(first)), U_NON_SPACING_MARK) << "line starts with a haraka";
        }
    }
}

TEST(Wrapping, UrlInsideArabicWraps) {
    auto engine = testing::make_engine();
    const std::string text = "زوروا موقعنا https://mouj.org/ar/services/support-requests/status للمزيد";
    LayoutRequest r;
    r.text = text;
    r.max_width = 150;
    const Layout& l = engine->layout(r);
    expect_tiles(l, text.size());
    for (const Line& line : l.lines) EXPECT_LE(line.width, 150.01f);
}

TEST(Truncation, EllipsisOnTheLeftForArabicAndRightForEnglish) {
    auto engine = testing::make_engine();
    hb_codepoint_t ellipsis = 0;
    const FontFace& latin = testing::fonts().face(testing::face_of("latin"));
    ASSERT_TRUE(hb_font_get_nominal_glyph(latin.hb_font.get(), 0x2026, &ellipsis));

    LayoutRequest r;
    r.text = kParagraph;
    r.max_width = 300;
    r.max_lines = 2;
    const Layout& ar = engine->layout(r);
    ASSERT_EQ(ar.lines.size(), 2u);
    EXPECT_TRUE(ar.truncated);
    EXPECT_EQ(ar.lines[1].glyphs.front().gid, ellipsis);
    EXPECT_LE(ar.lines[1].width, 300.01f);
    EXPECT_NEAR(ar.lines[1].x + ar.lines[1].width, 300.0f, 0.01f);

    const std::string en = "Your request goes to the research committee; the answer comes within one month.";
    r.text = en;
    r.max_lines = 1;
    const Layout& l = engine->layout(r);
    ASSERT_EQ(l.lines.size(), 1u);
    EXPECT_EQ(l.lines[0].glyphs.back().gid, ellipsis);
    EXPECT_LE(l.lines[0].width, 300.01f);

    r.text = "قصير";
    const Layout& fits = engine->layout(r);
    EXPECT_FALSE(fits.truncated);
}

TEST(Truncation, MoreParagraphsThanLines) {
    auto engine = testing::make_engine();
    LayoutRequest r;
    r.text = "سطر أول\nسطر ثان\nسطر ثالث";
    r.max_lines = 2;
    const Layout& l = engine->layout(r);
    ASSERT_EQ(l.lines.size(), 2u);
    EXPECT_TRUE(l.truncated);
}

TEST(Alignment, CenterAndEnd) {
    auto engine = testing::make_engine();
    LayoutRequest r;
    r.text = "مرحبا";
    r.max_width = 400;
    r.align = Align::End;
    const Layout& end = engine->layout(r);
    EXPECT_NEAR(end.lines[0].x, 0.0f, 0.01f);
    r.align = Align::Center;
    const Layout& mid = engine->layout(r);
    EXPECT_NEAR(mid.lines[0].x * 2 + mid.lines[0].width, 400.0f, 0.01f);
    r.text = "Hello";
    r.align = Align::Start;
    const Layout& en = engine->layout(r);
    EXPECT_NEAR(en.lines[0].x, 0.0f, 0.01f);
}

}  // namespace
}  // namespace ui::text
