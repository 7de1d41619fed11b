// hb-shape parity, data-driven: every line of data/shaping_corpus.txt is laid out by the
// engine and shaped by the `hb-shape` tool (libharfbuzz-bin) at test time, with the same
// font file and the same size in 26.6 units (hb-shape --font-size=<px × 64>). Glyph ids,
// UTF-8 clusters, advances and offsets must be equal. Also checks kiosk-text's JSON.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/unit/text/test_support.h"

namespace ui::text {
namespace {

struct HbGlyph {
    long gid = 0, cluster = 0, dx = 0, dy = 0, ax = 0;
};

std::string run(const std::string& command) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    if (p == nullptr) return out;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
    return out;
}

bool have_hb_shape() { return std::system("hb-shape --version > /dev/null 2>&1") == 0; }

std::vector<HbGlyph> hb_shape(const std::string& font, int size_px, const std::string& text) {
    const std::string file = ::testing::TempDir() + "hb_shape_input.txt";
    std::ofstream(file) << text;
    const std::string cmd = "hb-shape --font-size=" + std::to_string(size_px * 64) +
                            " --utf8-clusters --direction=rtl --script=arab --language=ar --bot --eot"
                            " --no-glyph-names --output-format=json --text-file='" +
                            file + "' '" + font + "'";
    const std::string json = run(cmd);
    static const std::regex glyph(R"re(\{"g":(\d+),"cl":(\d+),"dx":(-?\d+),"dy":(-?\d+),"ax":(-?\d+),"ay":-?\d+\})re");
    std::vector<HbGlyph> out;
    for (std::sregex_iterator it(json.begin(), json.end(), glyph), end; it != end; ++it)
        out.push_back(
            {std::stol((*it)[1]), std::stol((*it)[2]), std::stol((*it)[3]), std::stol((*it)[4]), std::stol((*it)[5])});
    return out;
}

long to26(float v) { return std::lround(static_cast<double>(v) * 64.0); }

struct CorpusLine {
    std::string role;
    int size = 0;
    std::string text;
};

std::vector<CorpusLine> corpus() {
    std::vector<CorpusLine> lines;
    std::ifstream in(KIOSK_TEXT_TEST_DATA "/shaping_corpus.txt");
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto a = line.find(';');
        const auto b = line.find(';', a + 1);
        lines.push_back({line.substr(0, a), std::stoi(line.substr(a + 1, b - a - 1)), line.substr(b + 1)});
    }
    return lines;
}

TEST(ShapingParity, CorpusEqualsHbShape) {
    if (!have_hb_shape()) GTEST_SKIP() << "hb-shape (libharfbuzz-bin) not installed";
    auto engine = testing::make_engine();
    const auto lines = corpus();
    ASSERT_GT(lines.size(), 30u);
    std::size_t equal = 0;
    for (const CorpusLine& c : lines) {
        SCOPED_TRACE(c.role + " " + std::to_string(c.size) + " " + c.text);
        LayoutRequest r;
        r.text = c.text;
        r.style.size_px = static_cast<float>(c.size);
        r.style.weight = c.role == "arabic-bold" ? Weight::Bold : Weight::Regular;
        r.direction = Direction::Rtl;
        const Layout& l = engine->layout(r);
        ASSERT_EQ(l.lines.size(), 1u);
        const auto& glyphs = l.lines[0].glyphs;
        const std::string font = engine->face_paths()[testing::face_of(c.role)];
        const auto expected = hb_shape(font, c.size, c.text);
        ASSERT_EQ(glyphs.size(), expected.size());
        long pen = 0;
        bool same = true;
        for (std::size_t i = 0; i < glyphs.size(); ++i) {
            const Glyph& g = glyphs[i];
            const HbGlyph& e = expected[i];
            EXPECT_EQ(engine->face_paths()[g.face], font) << "glyph " << i;
            EXPECT_EQ(static_cast<long>(g.gid), e.gid) << "glyph " << i;
            EXPECT_EQ(static_cast<long>(g.cluster), e.cluster) << "glyph " << i;
            EXPECT_EQ(to26(g.advance), e.ax) << "glyph " << i;
            EXPECT_EQ(to26(g.x) - pen, e.dx) << "glyph " << i;
            EXPECT_EQ(-to26(g.y), e.dy) << "glyph " << i;
            same = same && static_cast<long>(g.gid) == e.gid && static_cast<long>(g.cluster) == e.cluster &&
                   to26(g.advance) == e.ax && to26(g.x) - pen == e.dx && -to26(g.y) == e.dy;
            pen += e.ax;
        }
        equal += same ? 1 : 0;
    }
    std::printf("hb-shape parity: %zu of %zu corpus strings identical\n", equal, lines.size());
    EXPECT_EQ(equal, lines.size());
}

// The CLI check from the issue: kiosk-text layout --size 48 … against hb-shape at 48 px.
TEST(ShapingParity, KioskTextLayoutJsonEqualsHbShape) {
    if (!have_hb_shape()) GTEST_SKIP() << "hb-shape (libharfbuzz-bin) not installed";
    const std::string text = "قيّم الخدمة";
    const std::string json =
        run(std::string(KIOSK_TEXT_CLI) + " layout --size 48 --width 100000 --dir rtl '" + text + "'");
    static const std::regex glyph(
        R"re("font":"([^"]+)","gid":(\d+),"cluster":(\d+),"x":([-0-9.e+]+),"y":([-0-9.e+]+),"advance":([-0-9.e+]+))re");
    std::vector<std::smatch> got;
    for (std::sregex_iterator it(json.begin(), json.end(), glyph), end; it != end; ++it) got.push_back(*it);
    ASSERT_FALSE(got.empty()) << json;
    const std::string font = got[0][1];
    EXPECT_NE(font.find("NotoSansArabicUI-Regular.ttf"), std::string::npos);
    const auto expected = hb_shape(font, 48, text);
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(std::stol(got[i][2]), expected[i].gid);
        EXPECT_EQ(std::stol(got[i][3]), expected[i].cluster);
        EXPECT_NEAR(std::stod(got[i][6]) * 64.0, static_cast<double>(expected[i].ax), 0.01);
    }
}

}  // namespace
}  // namespace ui::text
