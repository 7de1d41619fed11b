// staff.pin: the PIN on the digits keyboard, then nav.submit; see staff.h and pin.h.
// The digits never appear on screen, only one dot for each.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "kiosk/staff/page.h"
#include "kiosk/staff/pin_field.h"
#include "kiosk/staff/staff.h"
#include "ui/widgets/controls.h"

namespace kiosk::staff {

using screens::ScreenId;
using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

constexpr std::size_t kLongestPin = 12;

// A PIN takes typed text through the same path as every field, keeping ASCII digits only.
const ui::widgets::FieldOptions kPinOptions{
    .keyboard = ui::widgets::KeyboardLayout::Digits, .max_bytes = kLongestPin, .filter = ui::widgets::digits_only};

}  // namespace

float pin_field(screens::ScreenContext& ctx, std::string_view id, std::string_view label_key, std::string& pin, float x,
                float y, float w) {
    auto& ui = ctx.ui;
    auto& focus = ctx.session.focus;
    const auto& t = ui.theme();
    const float u = ui.scale();
    if (focus.focused(id)) ui::widgets::take_edits(ui, focus, pin, kPinOptions);
    const float label_h = ui.label(ctx.tr(label_key), Rect{x, y, w, 0},
                                   TextOptions{.role = TextRole::Body, .weight = ui::text::Weight::Bold}) +
                          6.0f * u;
    const float box_w = std::min(w, 560.0f * u);
    const Rect box = ui.from_start(x, y + label_h, box_w, 84.0f * u);
    if (ui.tap_area(id, box)) focus.focus(id, ui::widgets::KeyboardLayout::Digits);
    ui.mark(ui::platform::RecordRole::Field, focus.focused(id) ? ui::platform::kRecordFocused : 0);
    ui.fill(box, t.surface, 12.0f * u);
    ui.outline(box, focus.focused(id) ? t.primary : t.border, 12.0f * u, focus.focused(id) ? 3.0f * u : 2.0f * u);
    // Dots from the left in both languages: a PIN is a number, read left to right.
    const float r = 9.0f * u;
    const float step = 30.0f * u;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < pin.size(); ++i)
        dl->AddCircleFilled(ImVec2(box.x + 28.0f * u + step * static_cast<float>(i), box.cy()), r, t.text, 24);
    return label_h + box.h + 20.0f * u;
}

screens::Action draw_staff_pin(screens::ScreenContext& ctx) {
    auto& flow = ctx.session.forms.staff;
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const bool has_pin = flow.snapshot.pin_set;
    if (!has_pin && flow.pin_message.key.empty()) flow.pin_message = {"staff.pin.not_set"};
    // The keyboard is up from the start: there is nothing else to do here.
    if (has_pin && ctx.session.focus.id.empty())
        ctx.session.focus.focus("staff.pin", ui::widgets::KeyboardLayout::Digits);
    screens::FormFrame f = screens::begin_form(ctx, flow.scroll,
                                               screens::FormSpec{.title_key = "staff.pin.title",
                                                                 .subtitle_key = "staff.pin.subtitle",
                                                                 .action_id = "nav.submit",
                                                                 .action_key = "staff.pin.open",
                                                                 .show_rate = false});
    float y = f.y;
    y += draw_message(ctx, flow.pin_message, f.x, y, f.w);
    y += pin_field(ctx, "staff.pin", "staff.pin.label", flow.pin, f.x, y, f.w);
    y += 8.0f * u;
    screens::end_form(ctx, flow.scroll, f, y);
    if (f.back) {
        flow = StaffFlow{};
        ctx.session.go(ScreenId::Home);
    }
    if (f.action) {
        // Every try starts from an empty field; the app checks the PIN (pin_tried says what follows).
        screens::Action check = screens::TryPin{std::move(flow.pin)};
        flow.pin.clear();
        ctx.session.changed = true;
        return check;
    }
    return {};
}

void pin_tried(screens::Session& session, bool accepted, StaffMessage message) {
    auto& flow = session.forms.staff;
    flow.pin_message = std::move(message);
    flow.pin.clear();
    session.changed = true;
    if (!accepted) return;
    flow.unlocked = true;
    session.focus.clear();
    session.go(ScreenId::StaffQueue);
}

}  // namespace kiosk::staff
