// Specification of signature plausibility on a 600×200 pad.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/signature.h"

namespace kiosk::domain {
namespace {

Signature pad(std::vector<Stroke> strokes) { return {600, 200, std::move(strokes)}; }

// A zig-zag of `n` segments, `step` wide and 60 high, starting at (x, 100).
Stroke zigzag(float x, int n, float step) {
    Stroke s;
    for (int i = 0; i <= n; ++i) s.push_back({x + step * static_cast<float>(i), i % 2 == 0 ? 100.0f : 160.0f});
    return s;
}

// Back and forth `n` times between two points 5 units apart each way.
Stroke scribble(float x, float y, int n) {
    Stroke s;
    for (int i = 0; i <= n; ++i) s.push_back(i % 2 == 0 ? Point{x, y} : Point{x + 5, y + 5});
    return s;
}

TEST(Signature, Table) {
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const struct {
        const char* why;
        Signature signature;
        std::string_view error;
    } cases[] = {
        {"a real signature", pad({zigzag(100, 8, 30), zigzag(400, 3, 20)}), {}},
        {"one long line is enough", pad({{{50, 100}, {400, 110}}}), {}},
        {"nothing drawn", pad({}), keys::signature_required},
        {"only empty strokes", pad({{}, {}}), keys::signature_required},
        {"a single dot", pad({{{300, 100}}}), keys::signature_too_small},
        {"a few dots", pad({{{300, 100}}, {{302, 101}}, {{305, 99}}}), keys::signature_too_small},
        {"a tiny tremble: short ink", pad({zigzag(300, 2, 3)}), keys::signature_too_small},
        {"scribbled in one spot: long ink, tiny extent", pad({scribble(300, 100, 60)}), keys::signature_too_small},
        {"a point that is not a number", pad({{{50, 100}, {nan, 110}}}), keys::signature_invalid},
        {"no pad size", Signature{0, 0, {{{50, 100}, {400, 110}}}}, keys::signature_invalid},
        {"absurdly many points", pad({Stroke(kSignatureMaxPoints + 1, Point{1, 1})}), keys::signature_invalid},
    };
    for (const auto& c : cases) EXPECT_EQ(check_signature(c.signature), c.error) << c.why;
}

TEST(Signature, NormalisedClampsToThePadAndDropsEmptyStrokes) {
    const Signature s = normalised(pad({{}, {{-10, 50}, {700, 250}}}));
    ASSERT_EQ(s.strokes.size(), 1u);
    EXPECT_EQ(s.strokes[0], (Stroke{{0, 50}, {600, 200}}));
}

}  // namespace
}  // namespace kiosk::domain
