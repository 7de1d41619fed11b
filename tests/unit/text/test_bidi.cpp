// The bidi stage alone: paragraph direction, levels per byte, visual runs per line, and the
// whole of Unicode's BidiCharacterTest.txt (Debian package unicode-data).
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "ui/text/bidi.h"
#include "ui/text/utf8.h"

namespace ui::text {
namespace {

TEST(Bidi, AutoDirectionIsTheFirstStrongCharacter) {
    BidiParagraph b;
    b.analyze("123 مرحبا hello", Direction::Auto);
    EXPECT_TRUE(b.rtl());
    b.analyze("(hello) مرحبا", Direction::Auto);
    EXPECT_FALSE(b.rtl());
    b.analyze("123", Direction::Auto);
    EXPECT_FALSE(b.rtl());
    b.analyze("hello", Direction::Rtl);
    EXPECT_TRUE(b.rtl());
    EXPECT_EQ(detect_direction("  ،مرحبا"), Direction::Rtl);
}

TEST(Bidi, LevelsCoverEveryByte) {
    BidiParagraph b;
    const std::string s = "عدد 25 فقط";
    b.analyze(s, Direction::Auto);
    ASSERT_EQ(b.byte_levels().size(), s.size());
    EXPECT_EQ(b.byte_levels()[0], 1);
    EXPECT_EQ(b.byte_levels()[s.find('2')], 2);
    EXPECT_EQ(b.byte_levels()[s.find('5')], 2);
}

TEST(Bidi, VisualRunsOfALineAreLeftToRight) {
    BidiParagraph b;
    const std::string s = "مرحبا Ali اليوم";
    b.analyze(s, Direction::Auto);
    std::vector<VisualRun> runs;
    b.visual_runs(0, static_cast<std::uint32_t>(s.size()), runs);
    ASSERT_EQ(runs.size(), 3u);
    // Leftmost run is the logically last Arabic word.
    EXPECT_TRUE(runs[0].rtl);
    EXPECT_EQ(runs[0].end, s.size());
    EXPECT_FALSE(runs[1].rtl);
    EXPECT_EQ(s.substr(runs[1].begin, runs[1].end - runs[1].begin), "Ali");
    EXPECT_TRUE(runs[2].rtl);
    EXPECT_EQ(runs[2].begin, 0u);
}

TEST(Bidi, TrailingWhitespaceTakesTheParagraphLevel) {
    BidiParagraph b;
    const std::string s = "مرحبا Ali ";
    b.analyze(s, Direction::Auto);
    std::vector<VisualRun> runs;
    b.visual_runs(0, static_cast<std::uint32_t>(s.size()), runs);
    ASSERT_FALSE(runs.empty());
    // L1: the final space sits at the paragraph's (left) end, in its own RTL run.
    EXPECT_TRUE(runs.front().rtl);
    EXPECT_EQ(runs.front().begin, s.size() - 1);
}

struct ConformanceCase {
    std::string line;
    std::vector<char32_t> cps;
    int direction = 0;
    int para_level = 0;
    std::vector<int> levels;  // -1 for x
    std::vector<std::uint32_t> order;
};

bool parse_case(const std::string& line, ConformanceCase& c) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string part; std::getline(ss, part, ';');) f.push_back(part);
    if (f.size() != 5) return false;
    c.line = line;
    std::stringstream cps(f[0]);
    for (std::string h; cps >> h;) c.cps.push_back(static_cast<char32_t>(std::stoul(h, nullptr, 16)));
    c.direction = std::stoi(f[1]);
    c.para_level = std::stoi(f[2]);
    std::stringstream lv(f[3]);
    for (std::string l; lv >> l;) c.levels.push_back(l == "x" ? -1 : std::stoi(l));
    std::stringstream od(f[4]);
    for (std::string o; od >> o;) c.order.push_back(static_cast<std::uint32_t>(std::stoul(o)));
    return true;
}

// Runs one case through BidiParagraph; returns an empty string on success, else why not.
std::string run_case(BidiParagraph& bidi, const ConformanceCase& c) {
    std::string text;
    for (const char32_t cp : c.cps) utf8::append(text, cp);
    const Direction d = c.direction == 0 ? Direction::Ltr : c.direction == 1 ? Direction::Rtl : Direction::Auto;
    if (!bidi.analyze(text, d)) return "ICU failed";
    if (bidi.base_level() != c.para_level) return "paragraph level " + std::to_string(bidi.base_level());
    std::vector<std::uint8_t> levels;
    std::vector<std::uint32_t> order;
    bidi.line_levels_and_order(levels, order);
    if (levels.size() != c.levels.size()) return "level count";
    for (std::size_t i = 0; i < levels.size(); ++i)
        if (c.levels[i] >= 0 && c.levels[i] != levels[i]) {
            std::string got;
            for (const auto l : levels) got += std::to_string(l) + " ";
            return "levels " + got + "differ at " + std::to_string(i);
        }
    std::vector<std::uint32_t> visible;
    for (const auto i : order)
        if (c.levels[i] >= 0) visible.push_back(i);
    if (visible != c.order) return "visual order";
    return {};
}

std::set<std::string> known_deviations() {
    std::set<std::string> keys;
    std::ifstream in(KIOSK_TEXT_TEST_DATA "/bidi_icu_deviations.txt");
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') keys.insert(line);
    return keys;
}

std::string case_key(const std::string& line) {
    const auto first = line.find(';');
    return line.substr(0, line.find(';', first + 1));
}

// Every case of the file; the ones ICU resolves differently must be exactly the listed ones.
TEST(BidiConformance, BidiCharacterTestTxt) {
    std::ifstream in("/usr/share/unicode/BidiCharacterTest.txt");
    if (!in) GTEST_SKIP() << "unicode-data is not installed";
    const std::set<std::string> deviations = known_deviations();
    BidiParagraph bidi;
    std::size_t total = 0;
    std::size_t passed = 0;
    std::size_t deviated = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        ConformanceCase c;
        if (!parse_case(line, c)) continue;
        ++total;
        const std::string why = run_case(bidi, c);
        const bool listed = deviations.count(case_key(line)) != 0;
        if (why.empty()) ++passed;
        else if (listed) ++deviated;
        else ADD_FAILURE() << why << ": " << line;
        if (why.empty() && listed) ADD_FAILURE() << "now passes, remove from bidi_icu_deviations.txt: " << line;
    }
    std::printf("BidiCharacterTest.txt: %zu of %zu cases pass; %zu are listed ICU deviations\n", passed, total,
                deviated);
    RecordProperty("passed", static_cast<int>(passed));
    RecordProperty("total", static_cast<int>(total));
    EXPECT_GT(total, 90000u);
    EXPECT_EQ(passed + deviated, total);
}

}  // namespace
}  // namespace ui::text
