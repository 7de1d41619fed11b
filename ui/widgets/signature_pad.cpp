// The signature pad; see signature_pad.h. Strokes are drawn as smooth curves through the
// sampled points, so a fast stroke (few samples) still reads as handwriting rather than a
// polygon.
#include "ui/widgets/signature_pad.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/widgets/controls.h"
#include "ui/widgets/icons.h"

namespace ui::widgets {

bool add_ink_point(Ink& ink, InkPoint p, bool new_stroke, float min_step) {
    if (new_stroke || ink.strokes.empty()) {
        ink.strokes.push_back(InkStroke{p});
        return true;
    }
    InkStroke& stroke = ink.strokes.back();
    // The finger resting still gives the same point every frame; it adds nothing.
    if (!stroke.empty() && std::hypot(p.x - stroke.back().x, p.y - stroke.back().y) < min_step) return false;
    stroke.push_back(p);
    return true;
}

bool undo_stroke(Ink& ink) {
    if (ink.strokes.empty()) return false;
    ink.strokes.pop_back();
    return true;
}

void fit_ink(Ink& ink, float width, float height) {
    if (ink.width > 0 && ink.height > 0 && (ink.width != width || ink.height != height)) {
        const float sx = width / ink.width;
        const float sy = height / ink.height;
        for (InkStroke& s : ink.strokes)
            for (InkPoint& p : s) p = InkPoint{p.x * sx, p.y * sy};
    }
    ink.width = width;
    ink.height = height;
}

namespace {

void draw_stroke(ImDrawList* dl, const InkStroke& s, const Rect& box, float thickness, Colour colour) {
    auto at = [&](const InkPoint& p) { return ImVec2(box.x + p.x, box.y + p.y); };
    const float r = thickness * 0.5f;
    dl->AddCircleFilled(at(s.front()), r, colour, 12);  // round ends, and a lone dot shows
    if (s.size() == 1) return;
    // A Catmull-Rom curve through every sampled point, as cubic Bézier pieces: it never cuts
    // a peak the finger made, however few samples a fast stroke left.
    dl->PathLineTo(at(s.front()));
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        const InkPoint& p0 = s[i > 0 ? i - 1 : i];
        const InkPoint& p1 = s[i];
        const InkPoint& p2 = s[i + 1];
        const InkPoint& p3 = s[i + 2 < s.size() ? i + 2 : i + 1];
        const InkPoint c1{p1.x + (p2.x - p0.x) / 6.0f, p1.y + (p2.y - p0.y) / 6.0f};
        const InkPoint c2{p2.x - (p3.x - p1.x) / 6.0f, p2.y - (p3.y - p1.y) / 6.0f};
        dl->PathBezierCubicCurveTo(at(c1), at(c2), at(p2), 6);
    }
    dl->PathStroke(colour, 0, thickness);
    dl->AddCircleFilled(at(s.back()), r, colour, 12);
}

// Takes the finger's position while the pad is pressed; returns true when ink was added.
bool track_pointer(Ui& ui, std::string_view id, Ink& ink, const Rect& box) {
    ui.tap_area(id, box);
    if (!ui.is_pressed()) return false;
    ui.claim_pointer();
    const auto& in = ui.input();
    const InkPoint p{std::clamp(in.pointer_x - box.x, 0.0f, box.w), std::clamp(in.pointer_y - box.y, 0.0f, box.h)};
    return add_ink_point(ink, p, ImGui::IsItemActivated(), 1.5f * ui.scale());
}

void draw_pad(Ui& ui, const Ink& ink, const Rect& box, const SignaturePadOptions& options) {
    const auto& t = ui.theme();
    const float u = ui.scale();
    const bool error = !options.error.empty();
    ui.fill(box, t.surface, 14.0f * u);
    ui.outline(box, error ? t.danger : t.border, 14.0f * u, error ? 3.0f * u : 2.0f);
    // A signing line, as on paper, low in the box.
    const float line_y = box.y + box.h * 0.78f;
    ui.fill(Rect{box.x + box.w * 0.06f, line_y, box.w * 0.88f, 2.0f * u}, t.border);
    if (ink.empty() && !options.hint.empty())
        ui.label(options.hint, Rect{box.x + 20.0f * u, box.y, box.w - 40.0f * u, line_y - box.y},
                 TextOptions{.role = TextRole::Label,
                             .colour = t.text_muted,
                             .align = ui::text::Align::Center,
                             .centre_vertically = true,
                             .max_lines = 2});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()), true);
    for (const InkStroke& s : ink.strokes)
        if (!s.empty()) draw_stroke(dl, s, box, 4.5f * u, t.text);
    dl->PopClipRect();
}

// A box `offset` from the start edge of the column [x, x + w]: right to left in RTL.
Rect in_column(const Ui& ui, float x, float w, float offset, float y, float box_w, float box_h) {
    return ui.rtl() ? Rect{x + w - offset - box_w, y, box_w, box_h} : Rect{x + offset, y, box_w, box_h};
}

float draw_error(Ui& ui, std::string_view message, float x, float y, float w) {
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float icon = ui.text_px(TextRole::Body);
    const Rect icon_box = in_column(ui, x, w, 0, y + 2.0f * u, icon, icon);
    draw_icon(Icon::Warning, icon_box, t.danger, false);
    const Rect msg = in_column(ui, x, w, icon + 10.0f * u, y, w - icon - 10.0f * u, 0);
    return ui.label(message, msg, TextOptions{.role = TextRole::Body, .colour = t.danger}) + 8.0f * u;
}

}  // namespace

SignaturePadResult signature_pad(Ui& ui, std::string_view id, Ink& ink, float x, float y, float w, float pad_h,
                                 const SignaturePadOptions& options) {
    const float u = ui.scale();
    SignaturePadResult result;
    const Rect box{x, y, w, pad_h};
    fit_ink(ink, box.w, box.h);
    result.changed = track_pointer(ui, id, ink, box);
    ui.mark(RecordRole::Signature, ink.empty() && !options.hint.empty() ? ui::platform::kRecordPlaceholder : 0);
    draw_pad(ui, ink, box, options);
    float bottom = box.bottom() + 10.0f * u;
    if (!options.error.empty()) bottom += draw_error(ui, options.error, x, bottom, w);

    // "Undo" and "clear" at the end edge, where they are out of the signing hand's way.
    const float bh = 64.0f * u;
    const TextOptions style{.role = TextRole::Label, .weight = ui::text::Weight::Bold, .wrap = false};
    const float undo_w = ui.layout(options.undo_label, 0, style).width + 56.0f * u;
    const float clear_w = ui.layout(options.clear_label, 0, style).width + 56.0f * u;
    const float gap = 14.0f * u;
    const Rect clear_r = in_column(ui, x, w, w - clear_w, bottom, clear_w, bh);
    const Rect undo_r = in_column(ui, x, w, w - clear_w - gap - undo_w, bottom, undo_w, bh);
    if (button(ui, options.undo_id, options.undo_label, undo_r)) result.changed = undo_stroke(ink) || result.changed;
    if (button(ui, options.clear_id, options.clear_label, clear_r) && !ink.empty()) {
        ink.strokes.clear();
        result.changed = true;
    }
    result.height = bottom + bh - y;
    return result;
}

}  // namespace ui::widgets
