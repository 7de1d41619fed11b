// Vector pictograms; see icons.h. Shapes are built from ImDrawList primitives in a unit box.
#include "ui/widgets/icons.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <imgui.h>

namespace ui::widgets {
namespace {

struct Pen {
    ImDrawList* dl;
    Rect box;
    bool mirror;
    float s;  // side of the square
    float ox;
    float oy;

    ImVec2 at(float fx, float fy) const {
        if (mirror) fx = 1.0f - fx;
        return ImVec2(ox + fx * s, oy + fy * s);
    }
    // The corners of a box given in unit coordinates, ordered min/max after mirroring.
    std::pair<ImVec2, ImVec2> corners(float x0, float y0, float x1, float y1) const {
        ImVec2 a = at(x0, y0);
        ImVec2 b = at(x1, y1);
        return {ImVec2(std::min(a.x, b.x), std::min(a.y, b.y)), ImVec2(std::max(a.x, b.x), std::max(a.y, b.y))};
    }
};

void heart(const Pen& p, Colour c) {
    p.dl->PathLineTo(p.at(0.5f, 0.86f));
    p.dl->PathBezierCubicCurveTo(p.at(0.05f, 0.55f), p.at(0.02f, 0.18f), p.at(0.28f, 0.16f), 16);
    p.dl->PathBezierCubicCurveTo(p.at(0.42f, 0.15f), p.at(0.5f, 0.26f), p.at(0.5f, 0.32f), 12);
    p.dl->PathBezierCubicCurveTo(p.at(0.5f, 0.26f), p.at(0.58f, 0.15f), p.at(0.72f, 0.16f), 12);
    p.dl->PathBezierCubicCurveTo(p.at(0.98f, 0.18f), p.at(0.95f, 0.55f), p.at(0.5f, 0.86f), 16);
    p.dl->PathFillConvex(c);
}

void bubble(const Pen& p, Colour c, float w) {
    const auto [lo, hi] = p.corners(0.1f, 0.16f, 0.9f, 0.66f);
    p.dl->AddRect(lo, hi, c, p.s * 0.12f, 0, w);
    p.dl->AddTriangleFilled(p.at(0.26f, 0.64f), p.at(0.44f, 0.64f), p.at(0.22f, 0.86f), c);
    for (int i = 0; i < 3; ++i)
        p.dl->AddCircleFilled(p.at(0.32f + 0.18f * static_cast<float>(i), 0.41f), p.s * 0.05f, c, 12);
}

void people(const Pen& p, Colour c) {
    p.dl->AddCircleFilled(p.at(0.36f, 0.3f), p.s * 0.13f, c, 24);
    p.dl->AddCircleFilled(p.at(0.68f, 0.34f), p.s * 0.1f, c, 24);
    const auto [a0, a1] = p.corners(0.14f, 0.5f, 0.58f, 0.86f);
    const auto [b0, b1] = p.corners(0.52f, 0.52f, 0.88f, 0.86f);
    p.dl->AddRectFilled(a0, a1, c, p.s * 0.16f, ImDrawFlags_RoundCornersTop);
    p.dl->AddRectFilled(b0, b1, c, p.s * 0.14f, ImDrawFlags_RoundCornersTop);
}

void star(const Pen& p, Colour c) {
    constexpr float kPi = 3.14159265f;
    ImVec2 centre = p.at(0.5f, 0.53f);
    ImVec2 pts[10];
    for (int i = 0; i < 10; ++i) {
        float r = (i % 2 == 0 ? 0.42f : 0.18f) * p.s;
        float a = -kPi / 2.0f + static_cast<float>(i) * kPi / 5.0f;
        pts[i] = ImVec2(centre.x + r * std::cos(a), centre.y + r * std::sin(a));
    }
    // Five convex triangles and the inner pentagon; without anti-aliased fill their shared
    // edges leave no hairline seams.
    const ImDrawListFlags flags = p.dl->Flags;
    p.dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    for (int i = 0; i < 10; i += 2) p.dl->AddTriangleFilled(pts[(i + 9) % 10], pts[i], pts[(i + 1) % 10], c);
    ImVec2 inner[5] = {pts[1], pts[3], pts[5], pts[7], pts[9]};
    p.dl->AddConvexPolyFilled(inner, 5, c);
    p.dl->Flags = flags;
}

void search(const Pen& p, Colour c, float w) {
    p.dl->AddCircle(p.at(0.42f, 0.42f), p.s * 0.24f, c, 32, w);
    p.dl->AddLine(p.at(0.6f, 0.6f), p.at(0.85f, 0.85f), c, w * 1.6f);
}

void info(const Pen& p, Colour c, float w) {
    p.dl->AddCircle(p.at(0.5f, 0.5f), p.s * 0.4f, c, 40, w);
    p.dl->AddCircleFilled(p.at(0.5f, 0.3f), p.s * 0.055f, c, 12);
    p.dl->AddLine(p.at(0.5f, 0.43f), p.at(0.5f, 0.72f), c, w * 1.3f);
}

void check(const Pen& p, Colour c, float w) {
    p.dl->AddCircle(p.at(0.5f, 0.5f), p.s * 0.42f, c, 40, w);
    ImVec2 pts[3] = {p.at(0.3f, 0.52f), p.at(0.45f, 0.67f), p.at(0.72f, 0.36f)};
    p.dl->AddPolyline(pts, 3, c, 0, w * 1.4f);
}

void warning(const Pen& p, Colour c, float w) {
    p.dl->AddTriangle(p.at(0.5f, 0.12f), p.at(0.9f, 0.84f), p.at(0.1f, 0.84f), c, w);
    p.dl->AddLine(p.at(0.5f, 0.36f), p.at(0.5f, 0.6f), c, w * 1.3f);
    p.dl->AddCircleFilled(p.at(0.5f, 0.71f), p.s * 0.045f, c, 12);
}

}  // namespace

void draw_icon(Icon icon, const Rect& box, Colour colour, bool mirror) {
    const float s = std::min(box.w, box.h);
    Pen p{ImGui::GetWindowDrawList(), box, mirror, s, box.x + (box.w - s) * 0.5f, box.y + (box.h - s) * 0.5f};
    const float w = std::max(2.0f, s * 0.07f);
    switch (icon) {
    case Icon::Heart: heart(p, colour); break;
    case Icon::Bubble: bubble(p, colour, w); break;
    case Icon::People: people(p, colour); break;
    case Icon::Star: star(p, colour); break;
    case Icon::Search: search(p, colour, w); break;
    case Icon::Info: info(p, colour, w); break;
    case Icon::Check: check(p, colour, w); break;
    case Icon::Warning: warning(p, colour, w); break;
    }
}

}  // namespace ui::widgets
