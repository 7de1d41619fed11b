// staff.pin: the PIN on the screen's own digits pad (or typed), then nav.submit; see staff.h
// and pin.h. The digits never appear on screen, only one dot for each. While wrong tries keep
// staff mode locked, the pad is greyed, ignores every tap and counts down the time left.
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
    // At the start edge of the column [x, x + w] (given on screen, like the label's).
    const Rect box{ui.rtl() ? x + w - box_w : x, y + label_h, box_w, 84.0f * u};
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

namespace {

// Phone-pad order, the same in both languages (a PIN is a number); the last row: 0 and delete.
constexpr std::string_view kPadRows[4][3] = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"", "0", ""}};

// One key of the pad. A disabled key still answers to its target id, so a test can tap it and
// see nothing happen, but it is drawn flat and greyed and its taps change nothing.
bool pad_key(screens::ScreenContext& ctx, std::string_view id, std::string_view label, const Rect& r, bool enabled) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const bool tapped = ui.tap_area(id, r);
    ui.mark(ui::platform::RecordRole::Key);
    const bool pressed = enabled && ui.is_pressed();
    ui.fill(r, enabled ? (pressed ? t.primary : t.surface) : t.surface_pressed, 12.0f * u);
    if (enabled) ui.outline(r, t.border, 12.0f * u, 2.0f * u);
    // A digit large; the one word ("delete") at label size, so it fits the key in every language.
    const bool digit = label.size() == 1;
    ui.label(label, r,
             TextOptions{.role = digit ? TextRole::Title : TextRole::Label,
                         .weight = ui::text::Weight::Bold,
                         .colour = enabled ? (pressed ? t.on_primary : t.text) : t.text_muted,
                         .align = ui::text::Align::Center,
                         .wrap = false,
                         .centre_vertically = true,
                         .max_lines = 1});
    return enabled && tapped;
}

// The digits pad from (x, y), `w` wide at most. Returns its height.
float pin_pad(screens::ScreenContext& ctx, std::string& pin, bool enabled, float x, float y, float w) {
    const float u = ctx.ui.scale();
    const float gap = 12.0f * u;
    const float key_h = 68.0f * u;
    const float key_w = std::min(136.0f * u, (w - 2 * gap) / 3.0f);
    const float pad_w = 3 * key_w + 2 * gap;
    // Placed from the start edge like the rest of the column, keys in the same order in both.
    const Rect area = ctx.ui.from_start(x, y, pad_w, 0);
    for (int row = 0; row < 4; ++row) {
        for (int col = 0; col < 3; ++col) {
            const Rect key{area.x + static_cast<float>(col) * (key_w + gap),
                           y + static_cast<float>(row) * (key_h + gap), key_w, key_h};
            const std::string_view digit = kPadRows[row][col];
            if (row == 3 && col == 2) {
                if (pad_key(ctx, "staff.pin.delete", ctx.tr("staff.pin.delete"), key, enabled) && !pin.empty())
                    pin.pop_back();
            } else if (!digit.empty()) {
                if (pad_key(ctx, "staff.pin.key." + std::string(digit), digit, key, enabled) &&
                    pin.size() < kLongestPin)
                    pin += digit;
            }
        }
    }
    return 4 * key_h + 3 * gap;
}

// While wrong tries keep the pad locked: how long is left, in minutes until the last two,
// then in seconds.
StaffMessage lock_countdown(std::int64_t left_ms) {
    const std::int64_t seconds = (left_ms + 999) / 1000;
    if (seconds > 120) return StaffMessage{"staff.pin.locked_minutes", (seconds + 59) / 60};
    return StaffMessage{"staff.pin.locked_seconds", seconds};
}

}  // namespace

screens::Action draw_staff_pin(screens::ScreenContext& ctx) {
    auto& flow = ctx.session.forms.staff;
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const bool has_pin = flow.snapshot.pin_set;
    if (!has_pin && flow.pin_message.key.empty()) flow.pin_message = {"staff.pin.not_set"};
    const std::int64_t locked_until = std::max(flow.pin_locked_until_ms, flow.snapshot.pin_locked_until_ms);
    const bool locked = ui.wall_ms() < locked_until;
    // The field keeps the caret from the start, so typed digits reach it; the pad below is its
    // keyboard (no docked one). While locked, nothing typed is kept.
    if (has_pin && ctx.session.focus.id.empty())
        ctx.session.focus.focus("staff.pin", ui::widgets::KeyboardLayout::Digits);
    if (locked) {
        ctx.session.focus.pending.clear();
        flow.pin.clear();
    } else if (flow.pin_message.key == "staff.pin.locked") {
        flow.pin_message = {};  // the lock is over; the countdown said so until now
    }
    screens::FormFrame f = screens::begin_form(ctx, flow.scroll,
                                               screens::FormSpec{.title_key = "staff.pin.title",
                                                                 .subtitle_key = "staff.pin.subtitle",
                                                                 .action_id = "nav.submit",
                                                                 .action_key = "staff.pin.open",
                                                                 .show_rate = false,
                                                                 .exit_id = kExitId,
                                                                 .exit_key = kExitId,
                                                                 .docked_keyboard = false});
    // Side by side when there is room (the field and its message at the start, the pad at the
    // end), else one under the other.
    const bool wide = f.w >= 900.0f * u;
    const float col_w = wide ? f.w * 0.5f : f.w;
    const float col_x = ui.from_start(f.x, 0, col_w, 0).x;  // on screen: the start half in either direction
    float y = f.y;
    y += draw_message(ctx, locked ? lock_countdown(locked_until - ui.wall_ms()) : flow.pin_message, col_x, y, col_w);
    y += pin_field(ctx, "staff.pin", "staff.pin.label", flow.pin, col_x, y, col_w);
    float pad_y = wide ? f.y : y;
    const float pad_x = wide ? f.x + col_w + 48.0f * u : f.x;
    if (has_pin) pad_y += pin_pad(ctx, flow.pin, !locked, pad_x, pad_y, wide ? f.w - col_w - 48.0f * u : f.w);
    y = std::max(y, pad_y) + 8.0f * u;
    screens::end_form(ctx, flow.scroll, f, y);
    if (f.exit) leave_staff(ctx.session);
    if (f.action && !locked) {
        // Every try starts from an empty field; the app checks the PIN (pin_tried says what follows).
        screens::Action check = screens::TryPin{std::move(flow.pin)};
        flow.pin.clear();
        ctx.session.changed = true;
        return check;
    }
    return {};
}

void pin_tried(screens::Session& session, bool accepted, StaffMessage message, std::int64_t locked_until_ms) {
    auto& flow = session.forms.staff;
    flow.pin_message = std::move(message);
    flow.pin_locked_until_ms = locked_until_ms;
    flow.pin.clear();
    session.changed = true;
    if (!accepted) return;
    flow.unlocked = true;
    session.focus.clear();
    session.go(ScreenId::StaffQueue);
}

}  // namespace kiosk::staff
