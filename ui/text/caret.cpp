// Clusters are the unit: a caret is never placed inside a HarfBuzz cluster except in a
// ligature (lam-alef), where the cluster's width is shared in proportion to its bytes, and a
// touch there finds the letter boundary nearest to it.
#include "ui/text/caret.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/text/editing.h"

namespace ui::text {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

struct ClusterBox {
    float left = std::numeric_limits<float>::max();
    float right = std::numeric_limits<float>::lowest();
    std::uint32_t begin = kNone;
    std::uint32_t end = kNone;  // next cluster in logical order, or the run's end
    bool rtl = false;
};

std::size_t line_for(const Layout& layout, std::size_t index) {
    std::size_t best = 0;
    for (std::size_t i = 0; i < layout.lines.size(); ++i)
        if (layout.lines[i].begin <= index) best = i;
    return best;
}

// The box of the cluster `pick` chooses among the line's clusters ((cluster, current best)
// → better?), with its extent over all its glyphs.
template <class Pick>
ClusterBox find_cluster(const Line& line, Pick&& pick) {
    ClusterBox box;
    const Run* run_of = nullptr;
    for (const Run& run : line.runs)
        for (std::uint32_t g = run.glyph_begin; g < run.glyph_end; ++g)
            if (pick(line.glyphs[g].cluster, box.begin)) {
                box.begin = line.glyphs[g].cluster;
                run_of = &run;
            }
    if (run_of == nullptr) return box;
    box.rtl = run_of->rtl;
    box.end = run_of->end;
    for (std::uint32_t g = run_of->glyph_begin; g < run_of->glyph_end; ++g) {
        const Glyph& gl = line.glyphs[g];
        if (gl.cluster > box.begin) box.end = std::min(box.end, gl.cluster);
        if (gl.cluster != box.begin) continue;
        box.left = std::min(box.left, gl.x);
        box.right = std::max(box.right, gl.x + gl.advance);
    }
    return box;
}

float caret_x_in(const ClusterBox& box, std::uint32_t index) {
    const float f = static_cast<float>(index - box.begin) / static_cast<float>(box.end - box.begin);
    return box.rtl ? box.right - f * (box.right - box.left) : box.left + f * (box.right - box.left);
}

// A cluster holding several user-perceived characters (a ligature): the boundary between
// them whose caret (placed as caret_at places it) is nearest to x.
std::size_t nearest_inside(const Layout&, const ClusterBox& box, std::string_view text, float line_x, float x) {
    std::size_t best = box.begin;
    float best_distance = std::numeric_limits<float>::max();
    for (std::size_t b = box.begin;; b = next_boundary(text, b)) {
        const float distance =
            std::abs(line_x + caret_x_in(box, static_cast<std::uint32_t>(std::min<std::size_t>(b, box.end))) - x);
        if (distance < best_distance) {
            best_distance = distance;
            best = std::min<std::size_t>(b, box.end);
        }
        if (b >= box.end || b >= text.size()) break;
    }
    return best;
}

}  // namespace

Caret caret_at(const Layout& layout, std::size_t index) {
    Caret c;
    c.bottom = layout.line_height;
    if (layout.lines.empty()) return c;
    const std::size_t li = line_for(layout, index);
    const Line& line = layout.lines[li];
    c.top = static_cast<float>(li) * layout.line_height;
    c.bottom = c.top + layout.line_height;
    c.x = line.x + (line.rtl ? line.width : 0.0f);
    const auto idx = static_cast<std::uint32_t>(std::min<std::size_t>(index, kNone - 1));
    ClusterBox before = find_cluster(
        line, [&](std::uint32_t cl, std::uint32_t best) { return cl < idx && (best == kNone || cl > best); });
    if (before.begin != kNone) {
        float edge = before.rtl ? before.left : before.right;
        if (idx < before.end && before.end > before.begin) edge = caret_x_in(before, idx);  // inside a ligature
        c.x = line.x + edge;
        return c;
    }
    ClusterBox after = find_cluster(
        line, [&](std::uint32_t cl, std::uint32_t best) { return cl >= idx && (best == kNone || cl < best); });
    if (after.begin != kNone) c.x = line.x + (after.rtl ? after.right : after.left);
    return c;
}

std::size_t hit_test_at(const Layout& layout, float x, float y, std::string_view text) {
    if (layout.lines.empty()) return 0;
    const float lh = layout.line_height > 0.0f ? layout.line_height : 1.0f;
    const float row = std::floor(y / lh);
    const auto li = static_cast<std::size_t>(std::clamp(row, 0.0f, static_cast<float>(layout.lines.size() - 1)));
    const Line& line = layout.lines[li];
    if (line.runs.empty()) return line.begin;
    const float lx = x - line.x;
    if (lx <= 0.0f) return line.runs.front().rtl ? line.runs.front().end : line.runs.front().begin;
    if (lx >= line.width) return line.runs.back().rtl ? line.runs.back().begin : line.runs.back().end;
    for (const Run& run : line.runs) {
        if (lx < run.x || lx >= run.x + run.width) continue;
        for (std::uint32_t g = run.glyph_begin; g < run.glyph_end; ++g) {
            const Glyph& gl = line.glyphs[g];
            if (gl.advance <= 0.0f || lx < gl.x || lx >= gl.x + gl.advance) continue;
            const ClusterBox box =
                find_cluster(line, [&](std::uint32_t cl, std::uint32_t) { return cl == gl.cluster; });
            if (!text.empty() && box.end <= text.size() && next_boundary(text, box.begin) < box.end)
                return nearest_inside(layout, box, text, line.x, x);
            const bool first_half = (lx - gl.x) < gl.advance * 0.5f;
            // The reading-start half of a glyph means "before it".
            return (first_half != run.rtl) ? box.begin : box.end;
        }
        return run.rtl ? run.begin : run.end;
    }
    return line.end;
}

}  // namespace ui::text
