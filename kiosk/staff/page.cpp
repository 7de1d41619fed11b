// The staff tabs' shared frame; see page.h.
#include "kiosk/staff/page.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include <imgui.h>

#include "kiosk/staff/staff.h"
#include "ui/widgets/controls.h"

namespace kiosk::staff {

using screens::ScreenId;
using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

// True when [y, y + h] is partly inside the area being drawn into (a scroll area's edge cuts
// it): such a row is left undrawn, so a table shows whole rows only.
bool cut_by_clip(float y, float h) {
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    const float top = dl->GetClipRectMin().y;
    const float bottom = dl->GetClipRectMax().y;
    const bool inside = y >= top && y + h <= bottom;
    const bool outside = y + h <= top || y >= bottom;
    return !inside && !outside;
}

struct Tab {
    std::string_view id;
    std::string_view key;
    ScreenId screen;
};

constexpr std::array kTabs = {Tab{"staff.tab.queue", "staff.tab.queue", ScreenId::StaffQueue},
                              Tab{"staff.tab.dashboard", "staff.tab.dashboard", ScreenId::StaffDashboard},
                              Tab{"staff.tab.settings", "staff.tab.settings", ScreenId::StaffSettings}};

float button_width(screens::ScreenContext& ctx, std::string_view key) {
    const float text =
        ctx.ui
            .layout(ctx.tr(key), 0,
                    TextOptions{.role = TextRole::Label, .weight = ui::text::Weight::Bold, .wrap = false})
            .width;
    return std::max(170.0f * ctx.ui.scale(), text + 56.0f * ctx.ui.scale());
}

// The tabs from the start edge; leaving staff mode is in the bottom bar (page.h). Returns the
// row's height.
constexpr float kTabRowH = 68.0f;  // layout units
constexpr float kTabGap = 16.0f;

float tab_row(screens::ScreenContext& ctx, ScreenId current, float x, float y) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const float h = kTabRowH * u;
    const float gap = 12.0f * u;
    float start = x;
    for (const auto& tab : kTabs) {
        const float bw = button_width(ctx, tab.key);
        const auto kind = tab.screen == current ? ui::widgets::ButtonKind::Primary : ui::widgets::ButtonKind::Secondary;
        if (ui::widgets::button(ui, tab.id, ctx.tr(tab.key), ui.from_start(start, y, bw, h), kind) &&
            tab.screen != current) {
            auto& flow = ctx.session.forms.staff;
            flow.scroll.reset();
            ctx.session.go(tab.screen);
        }
        start += bw + gap;
    }
    return h;
}

}  // namespace

void open_staff(screens::Session& session) {
    session.forms.staff = StaffFlow{};
    session.go(ScreenId::StaffPin);
}

void leave_staff(screens::Session& session) {
    session.forms.staff = StaffFlow{};
    session.go(ScreenId::Home);
}

screens::FormFrame begin_page(screens::ScreenContext& ctx, const PageSpec& spec) {
    auto& flow = ctx.session.forms.staff;
    if (!flow.unlocked) ctx.session.go(ScreenId::StaffPin);
    screens::FormFrame f = screens::begin_form(
        ctx, flow.scroll,
        screens::FormSpec{.title_key = spec.title_key,
                          .action_id = spec.action_id,
                          .action_key = spec.action_key,
                          .show_rate = false,
                          .exit_id = kExitId,
                          .exit_key = kExitId,
                          .fixed_h = kTabRowH + kTabGap,
                          .fixed_row = [&ctx, &spec](float x, float y, float) { tab_row(ctx, spec.tab, x, y); }});
    // The tabs stay put above the scrolling content: another tab is one tap away wherever staff
    // are. A tab tapped there has reset the scroll; "exit" leaves from the bottom bar.
    if (f.exit) leave_staff(ctx.session);
    return f;
}

void end_page(screens::ScreenContext& ctx, const screens::FormFrame& frame, float content_bottom) {
    screens::end_form(ctx, ctx.session.forms.staff.scroll, frame, content_bottom);
}

float section_title(screens::ScreenContext& ctx, std::string_view key, float x, float y, float w) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const float h =
        ui.label(ctx.tr(key), Rect{x, y, w, 0},
                 TextOptions{.role = TextRole::Title, .weight = ui::text::Weight::Bold, .colour = ui.theme().primary});
    ui.fill(Rect{x, y + h + 4.0f * u, w, 2.0f * u}, ui.theme().border);
    return h + 16.0f * u;
}

float section_title_height(screens::ScreenContext& ctx, std::string_view key, float w) {
    return ctx.ui.measure(ctx.tr(key), w, TextOptions{.role = TextRole::Title, .weight = ui::text::Weight::Bold}) +
           16.0f * ctx.ui.scale();
}

bool keep_whole(screens::ScreenContext& ctx, const screens::FormFrame& f, float top, float h) {
    auto& scroll = ctx.session.forms.staff.scroll;
    const Rect& view = f.viewport;
    const float bottom = top + h;
    if (top >= view.y && bottom <= view.bottom()) return true;
    if (bottom <= view.y || top >= view.bottom()) return true;  // out of sight: nothing shows anyway
    if (h > view.h || scroll.moving() || scroll.tracking) return true;
    const float shown = std::min(bottom, view.bottom()) - std::max(top, view.y);
    if (shown < h * 0.5f) return false;
    // Content coordinates are screen ones plus how far the area has scrolled.
    const float origin = view.y - scroll.offset;
    scroll.reveal(top - origin, bottom - origin, view.h);
    ctx.session.changed = true;
    return true;
}

float draw_message(screens::ScreenContext& ctx, const StaffMessage& message, float x, float y, float w) {
    if (message.key.empty()) return 0.0f;
    const auto& t = ctx.ui.theme();
    const std::string text = ctx.strings.format(message.key, {ui::i18n::Arg::num("n", static_cast<double>(message.n)),
                                                              ui::i18n::Arg::str("detail", message.detail)});
    return ui::widgets::notice(ctx.ui, text, message.good ? ui::widgets::Icon::Check : ui::widgets::Icon::Warning,
                               message.good ? t.success : t.danger, x, y, w) +
           16.0f * ctx.ui.scale();
}

float figure_row(screens::ScreenContext& ctx, std::string_view label, std::string_view value, float x, float y,
                 float w) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const float value_w =
        std::min(w * 0.45f, ui.layout(value, 0, TextOptions{.role = TextRole::Label, .wrap = false}).width + 8.0f * u);
    const float h = ui.label(label, ui.from_start(x, y, w - value_w - 16.0f * u, 0),
                             TextOptions{.role = TextRole::Label, .colour = ui.theme().text_muted});
    const float vh = ui.label(value, ui.from_start(x + w - value_w, y, value_w, 0),
                              TextOptions{.role = TextRole::Label,
                                          .weight = ui::text::Weight::Bold,
                                          .align = ui::text::Align::End,
                                          .wrap = false,
                                          .max_lines = 1,
                                          .content_direction = true});
    return std::max(h, vh) + 10.0f * u;
}

float table_row(screens::ScreenContext& ctx, std::span<const std::string> cells, std::span<const float> shares, float x,
                float y, float w, bool header) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const float pad = 10.0f * u;
    const TextOptions style{.role = TextRole::Body,
                            .weight = header ? ui::text::Weight::Bold : ui::text::Weight::Regular,
                            .colour = header ? ui.theme().text : 0,
                            .max_lines = 3};
    float h = 0.0f;
    for (std::size_t i = 0; i < cells.size() && i < shares.size(); ++i)
        h = std::max(h, ui.measure(cells[i], shares[i] * w - 2 * pad, style));
    h += 2 * pad;
    if (cut_by_clip(y, h)) return h;
    if (header) ui.fill(Rect{x, y, w, h}, ui.theme().surface, 8.0f * u);
    float start = x;
    for (std::size_t i = 0; i < cells.size() && i < shares.size(); ++i) {
        ui.label(cells[i], ui.from_start(start + pad, y + pad, shares[i] * w - 2 * pad, h - 2 * pad), style);
        start += shares[i] * w;
    }
    ui.fill(Rect{x, y + h - 1.0f * u, w, 1.0f * u}, ui.theme().border);
    return h;
}

std::string local_time(const screens::ScreenContext& ctx, std::int64_t unix_ms) {
    using namespace std::chrono;
    const auto local = sys_time<milliseconds>(milliseconds(unix_ms)) + minutes(ctx.utc_offset_minutes);
    const auto day = floor<days>(local);
    const year_month_day ymd(day);
    const hh_mm_ss hms(floor<minutes>(local - day));
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u %02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()));
    return out;
}

}  // namespace kiosk::staff
