// The Engine end to end: a layout of Arabic, mixed text and several paragraphs, alignment,
// digits, truncation and drawing into an ImDrawList through a CPU TextureSink.
#include <imgui.h>

#include "tests/unit/text/test_support.h"

namespace ui::text {
namespace {

using testing::make_engine;

TEST(Engine, ArabicLineIsRightAlignedAndRightToLeft) {
    auto engine = make_engine();
    LayoutRequest r;
    r.text = "قيّم الخدمة";
    r.max_width = 500;
    const Layout& l = engine->layout(r);
    ASSERT_EQ(l.lines.size(), 1u);
    EXPECT_TRUE(l.rtl);
    EXPECT_TRUE(l.lines[0].rtl);
    EXPECT_NEAR(l.lines[0].x + l.lines[0].width, 500.0f, 0.01f);
    // Visual order left to right ends with the first letter (ق at byte 0).
    EXPECT_EQ(l.lines[0].glyphs.back().cluster, 0u);
    EXPECT_GT(l.line_height, 0.0f);
}

TEST(Engine, ParagraphsSplitAtNewline) {
    auto engine = make_engine();
    const Layout& l = engine->layout({.text = "Hello\nمرحبا\n\nend"});
    ASSERT_EQ(l.lines.size(), 4u);
    EXPECT_FALSE(l.lines[0].rtl);
    EXPECT_TRUE(l.lines[1].rtl);
    EXPECT_TRUE(l.lines[2].glyphs.empty());
    EXPECT_EQ(l.lines[3].begin, 18u);  // "Hello\n" 6 + مرحبا 10 + "\n\n" 2
    EXPECT_GT(l.lines[1].baseline, l.lines[0].baseline);
}

TEST(Engine, ArabicIndicDigitsMapBackToSourceBytes) {
    auto engine = make_engine();
    LayoutRequest r;
    r.text = "رقم 123";
    r.style.digits = Digits::ArabicIndic;
    const Layout& l = engine->layout(r);
    ASSERT_EQ(l.lines.size(), 1u);
    std::vector<std::uint32_t> clusters;
    for (const Glyph& g : l.lines[0].glyphs) clusters.push_back(g.cluster);
    // Digits stay left to right: 1 (byte 7), 2 (8), 3 (9), and no cluster points past the text.
    for (auto c : clusters) EXPECT_LT(c, r.text.size());
    EXPECT_NE(std::find(clusters.begin(), clusters.end(), 9u), clusters.end());
}

TEST(Engine, DrawsQuadsThroughTheSinkAndNothingWithoutOne) {
    auto engine = make_engine();
    ImGui::CreateContext();
    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    const Layout& l = engine->layout({.text = "لا إله — Hello"});
    engine->draw(&list, l, 10, 10, 0xFFFFFFFF);  // no sink: must not crash, draws nothing
    EXPECT_EQ(list.VtxBuffer.Size, 0);
    testing::CpuSink sink;
    engine->set_texture_sink(&sink);
    engine->draw(&list, l, 10, 10, 0xFFFFFFFF);
    EXPECT_GT(list.VtxBuffer.Size, 0);
    EXPECT_EQ(sink.created, 1);
    EXPECT_GE(sink.updates, 1);
    engine->set_texture_sink(nullptr);
    EXPECT_EQ(sink.destroyed, 1);
    ImGui::DestroyContext();
}

TEST(Engine, TruncationPutsEllipsisAtTheReadingEnd) {
    auto engine = make_engine();
    LayoutRequest r;
    r.text = "هذا نص طويل جدا لا يتسع في سطر واحد على الشاشة الصغيرة";
    r.max_width = 200;
    r.max_lines = 1;
    const Layout& l = engine->layout(r);
    ASSERT_EQ(l.lines.size(), 1u);
    EXPECT_TRUE(l.truncated);
    EXPECT_LE(l.lines[0].width, 200.0f);
    // The ellipsis is the leftmost glyph of a right-to-left line.
    const Glyph& left = l.lines[0].glyphs.front();
    EXPECT_EQ(engine->face_paths()[left.face].find("NotoSans-Regular") != std::string::npos, true);
}

}  // namespace
}  // namespace ui::text
