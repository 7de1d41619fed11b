// Drag scrolling; see scroll.h. The pointer is read raw: a press that moves more than a few
// pixels vertically becomes a drag and takes the press away from the item under it.
#include "ui/widgets/scroll.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

namespace ui::widgets {
namespace {

constexpr float kDragThreshold = 14.0f;
constexpr float kFriction = 0.0035f;  // fraction of velocity lost per ms

}  // namespace

void ScrollState::reveal(float top, float bottom, float h) {
    if (top < offset) offset = top;
    else if (bottom > offset + h) offset = bottom - h;
    offset = std::max(0.0f, offset);
}

float begin_scroll(Ui& ui, ScrollState& s, const Rect& viewport) {
    const auto& in = ui.input();
    const float max_offset = std::max(0.0f, s.content_h - viewport.h);
    if (in.pointer_down && !s.tracking && viewport.contains(in.pointer_x, in.pointer_y)) {
        s.tracking = true;
        s.claimed = false;
        s.start_y = in.pointer_y;
        s.start_offset = s.offset;
        s.velocity = 0.0f;
        s.last_y = in.pointer_y;
        s.last_ms = ui.now_ms();
    } else if (in.pointer_down && s.tracking) {
        if (!s.dragging && !s.claimed && std::fabs(in.pointer_y - s.start_y) > kDragThreshold * ui.scale())
            s.dragging = true;
        if (s.dragging) {
            const double dt = std::max(1.0, ui.now_ms() - s.last_ms);
            s.velocity = (s.last_y - in.pointer_y) / static_cast<float>(dt);
            s.offset = s.start_offset - (in.pointer_y - s.start_y);
            s.last_y = in.pointer_y;
            s.last_ms = ui.now_ms();
            ImGui::ClearActiveID();  // a drag is not a tap
        }
    } else if (!in.pointer_down && s.tracking) {
        s.tracking = false;
        s.claimed = false;
        if (!s.dragging) s.velocity = 0.0f;
        s.dragging = false;
        s.last_ms = ui.now_ms();
    } else if (s.velocity != 0.0f) {
        const double dt = std::max(1.0, ui.now_ms() - s.last_ms);
        s.offset += s.velocity * static_cast<float>(dt);
        s.velocity *= static_cast<float>(std::pow(1.0 - double{kFriction}, dt));
        if (std::fabs(s.velocity) < 0.02f) s.velocity = 0.0f;
        s.last_ms = ui.now_ms();
    }
    s.offset = std::clamp(s.offset, 0.0f, max_offset);
    if (s.offset == 0.0f || s.offset == max_offset) s.velocity = s.dragging ? s.velocity : 0.0f;
    ImGui::PushClipRect(ImVec2(viewport.x, viewport.y), ImVec2(viewport.right(), viewport.bottom()), true);
    ui.push_clip(viewport, &s);
    return viewport.y - s.offset;
}

void end_scroll(Ui& ui, ScrollState& s, const Rect& viewport, float content_bottom) {
    ui.pop_clip();
    ImGui::PopClipRect();
    s.content_h = content_bottom - (viewport.y - s.offset);
    const float max_offset = std::max(0.0f, s.content_h - viewport.h);
    if (max_offset > 0.0f) {
        // A thin bar at the end edge says there is more, and where the visitor is.
        const float bar_h = std::max(40.0f, viewport.h * viewport.h / s.content_h);
        const float bar_y = viewport.y + (viewport.h - bar_h) * (s.offset / max_offset);
        const float w = 6.0f * ui.scale();
        const float x = ui.rtl() ? viewport.x + 4.0f : viewport.right() - w - 4.0f;
        ui.fill(Rect{x, bar_y, w, bar_h}, ui.theme().border, w * 0.5f);
    }
}

}  // namespace ui::widgets
