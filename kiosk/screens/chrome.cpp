// The top and bottom bars of every screen; see chrome.h.
#include "kiosk/screens/chrome.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <imgui.h>

#include "kiosk/screens/home.h"
#include "ui/i18n/clock.h"
#include "ui/widgets/controls.h"

namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

constexpr double kStaffHoldMs = 3000.0;

// A pill-shaped button in the bottom bar. Returns true when tapped.
bool bar_button(ui::widgets::Ui& ui, std::string_view id, std::string_view text, const Rect& r, bool primary,
                int lines = 1) {
    bool tapped = ui.tap_area(id, r);
    const auto& t = ui.theme();
    ui::widgets::Colour bg =
        primary ? (ui.is_pressed() ? t.primary_pressed : t.primary) : (ui.is_pressed() ? t.surface_pressed : t.surface);
    ui.fill(r, bg, r.h * 0.5f);
    if (!primary) ui.outline(r, t.border, r.h * 0.5f, 2.0f);
    ui.label(text, Rect{r.x + 8, r.y, r.w - 16, r.h},
             TextOptions{.role = TextRole::Body,
                         .weight = ui::text::Weight::Bold,
                         .colour = primary ? t.on_primary : t.text,
                         .align = ui::text::Align::Center,
                         .wrap = lines > 1,
                         .centre_vertically = true,
                         .max_lines = lines});
    return tapped;
}

}  // namespace

void draw_logo_mark(ui::widgets::Ui& ui, const Rect& box) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const auto& t = ui.theme();
    const float r = std::min(box.w, box.h) * 0.5f;
    const ImVec2 c(box.cx(), box.cy());
    dl->AddCircleFilled(c, r, t.primary, 48);
    // Three waves, the lowest the widest, mirrored with the reading direction.
    const float dir = ui.rtl() ? -1.0f : 1.0f;
    for (int i = 0; i < 3; ++i) {
        const float y = c.y - r * 0.35f + static_cast<float>(i) * r * 0.35f;
        const float half = r * (0.45f + 0.12f * static_cast<float>(i));
        ImVec2 a(c.x - dir * half, y);
        ImVec2 b(c.x + dir * half, y);
        dl->AddBezierCubic(a, ImVec2(c.x - dir * half * 0.4f, y - r * 0.28f),
                           ImVec2(c.x + dir * half * 0.1f, y + r * 0.28f), b, t.on_primary, std::max(2.0f, r * 0.09f),
                           24);
    }
}

namespace {

// The association's bar: logo and name at the start, the clock at the end. Returns its height,
// which grows when a narrow screen wraps the name onto two lines.
// The narrowest width at which `text` (bold body size) takes at most two lines; `one_line`
// when it has a single word.
float two_line_width(ui::widgets::Ui& ui, std::string_view text, float one_line) {
    const TextOptions style{.role = TextRole::Body, .weight = ui::text::Weight::Bold, .max_lines = 0};
    const float line = ui.measure("A", one_line, style);
    for (float w = one_line * 0.5f; w < one_line; w += 8.0f * ui.scale())
        if (ui.measure(text, w, style) <= 2.0f * line + 1.0f) return w;
    return one_line;
}

// The association's name whole, on at most two lines: a narrow bar (portrait, with "rate us"
// beside it) takes a smaller size rather than cutting the name. As a last resort the smallest
// size takes a third line.
TextOptions fit_name(ScreenContext& ctx, float w, TextOptions style) {
    const std::pair<TextRole, int> sizes[] = {
        {TextRole::Title, 2}, {TextRole::Label, 2}, {TextRole::Body, 2}, {TextRole::Body, 3}};
    for (const auto& [role, lines] : sizes) {
        style.role = role;
        style.max_lines = lines;
        TextOptions whole = style;
        whole.max_lines = 0;
        if (ctx.ui.measure(ctx.tr("app.name"), w, whole) <= ctx.ui.measure(ctx.tr("app.name"), w, style)) break;
    }
    return style;
}

// The logo, which staff hold for 3 s to open staff mode; a ring fills while it is held.
void held_logo(ui::widgets::Ui& ui, const Rect& box, ChromeResult& result) {
    result.logo_held = ui.hold_area("home.logo", box, kStaffHoldMs, &result.logo_hold);
    draw_logo_mark(ui, box);
    if (result.logo_hold > 0.0f && result.logo_hold < 1.0f) {
        ImGui::GetWindowDrawList()->PathArcTo(ImVec2(box.cx(), box.cy()), box.w * 0.56f, -1.5708f,
                                              -1.5708f + 6.2832f * result.logo_hold, 48);
        ImGui::GetWindowDrawList()->PathStroke(ui.theme().accent, 0, 5.0f * ui.scale());
    }
}

float draw_top_bar(ScreenContext& ctx, const ChromeOptions& options, ChromeResult& result) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float pad = 24.0f * u;
    const auto lang = ctx.session.lang;
    const std::string time = ui::i18n::format_time(ui.wall_ms(), ctx.utc_offset_minutes, lang);
    const std::string date = ui::i18n::format_date(ui.wall_ms(), ctx.utc_offset_minutes, lang);
    const TextOptions time_style{.role = TextRole::Title,
                                 .weight = ui::text::Weight::Bold,
                                 .align = ui::text::Align::End,
                                 .wrap = false,
                                 .max_lines = 1};
    const TextOptions date_style{.role = TextRole::Caption,
                                 .colour = t.text_muted,
                                 .align = ui::text::Align::End,
                                 .wrap = false,
                                 .max_lines = 1};
    TextOptions name_style{
        .role = TextRole::Title, .weight = ui::text::Weight::Bold, .colour = t.primary, .max_lines = 2};
    const TextOptions tag_style{.role = TextRole::Caption, .colour = t.text_muted, .max_lines = 1};
    const float clock_w = std::max(ui.layout(time, 0, time_style).width, ui.layout(date, 0, date_style).width);
    const float logo = 76.0f * u;
    const float name_start = pad + logo + 18.0f * u;
    const TextOptions rate_style{.role = TextRole::Body, .weight = ui::text::Weight::Bold, .wrap = false};
    float rate_w = options.show_rate ? ui.layout(ctx.tr("nav.rate"), 0, rate_style).width + 48.0f * u : 0.0f;
    // A narrow (portrait) bar gives "rate the service" two lines, so the association's name
    // keeps its room and is never cut.
    const int rate_lines = options.show_rate && ui.height() > ui.width() ? 2 : 1;
    if (rate_lines == 2) rate_w = two_line_width(ui, ctx.tr("nav.rate"), rate_w - 48.0f * u) + 48.0f * u;
    const float name_w = ui.width() - name_start - clock_w - rate_w - 2 * pad - 32.0f * u;
    name_style = fit_name(ctx, name_w, name_style);
    const float name_h = ui.measure(ctx.tr("app.name"), name_w, name_style);
    const float tag_h = ui.measure(ctx.tr("app.tagline"), name_w, tag_style);
    const float top_h = std::max(112.0f * u, name_h + tag_h + 28.0f * u);

    ui.fill(Rect{0, 0, ui.width(), top_h}, t.surface);
    ui.fill(Rect{0, top_h - 3.0f * u, ui.width(), 3.0f * u}, t.primary);
    held_logo(ui, ui.from_start(pad, (top_h - logo) * 0.5f, logo, logo), result);
    Rect name = ui.from_start(name_start, 0, name_w, 0);
    float y = (top_h - name_h - tag_h) * 0.5f;
    y += ui.label(ctx.tr("app.name"), Rect{name.x, y, name.w, name_h}, name_style);
    ui.label(ctx.tr("app.tagline"), Rect{name.x, y, name.w, tag_h}, tag_style);

    Rect clock = ui.from_start(ui.width() - pad - clock_w, 14.0f * u, clock_w, 0);
    if (options.show_rate) {
        const float h = (rate_lines == 2 ? 80.0f : 60.0f) * u;
        const Rect rate = ui.from_start(ui.width() - pad - clock_w - 24.0f * u - rate_w, (top_h - h) * 0.5f, rate_w, h);
        if (bar_button(ui, "nav.rate", ctx.tr("nav.rate"), rate, false, rate_lines))
            start_flow(ctx.session, ScreenId::RateForm);
    }
    const float th = ui.label(time, Rect{clock.x, clock.y, clock.w, 0}, time_style);
    ui.label(date, Rect{clock.x, clock.y + th, clock.w, 0}, date_style);
    return top_h;
}

struct BarItem {
    std::string_view id;
    std::string_view key;
    bool primary;
    float width;
};

// Home and back at the start; language, text size and contrast at the end, always in the
// same place. When a narrow screen cannot hold both groups on one row, the end group gets a
// row of its own above. Returns the bar's top edge.
float draw_bottom_bar(ScreenContext& ctx, const ChromeOptions& options, ChromeResult& result) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float pad = 24.0f * u;
    const float gap = 16.0f * u;
    const float bh = 68.0f * u;
    const float row_h = 104.0f * u;
    auto& s = ctx.session;
    auto item = [&](std::string_view id, std::string_view key, bool primary) {
        const float text =
            ui.layout(ctx.tr(key), 0,
                      TextOptions{.role = TextRole::Body, .weight = ui::text::Weight::Bold, .wrap = false})
                .width;
        return BarItem{id, key, primary, std::max(152.0f * u, text + 48.0f * u)};
    };
    const bool staff = !options.exit_id.empty();
    std::vector<BarItem> start_items;
    if (staff) {
        // Drawn as a button (label size, bold), so measured as one.
        const float text =
            ui.layout(ctx.tr(options.exit_key), 0,
                      TextOptions{.role = TextRole::Label, .weight = ui::text::Weight::Bold, .wrap = false})
                .width;
        start_items.push_back(BarItem{options.exit_id, options.exit_key, false, text + 64.0f * u});
    } else if (options.show_home) start_items.push_back(item("nav.home", "nav.home", false));
    if (!staff && options.show_back) start_items.push_back(item("nav.back", "nav.back", false));
    std::vector<BarItem> end_items = {item("nav.lang", "nav.lang", true)};
    if (!staff) {
        end_items.push_back(item("nav.bigger", s.bigger_text ? "nav.smaller" : "nav.bigger", false));
        end_items.push_back(item("nav.contrast", s.high_contrast ? "nav.contrast_off" : "nav.contrast", false));
    }
    float needed = 2 * pad;
    for (const auto& i : start_items) needed += i.width + gap;
    for (const auto& i : end_items) needed += i.width + gap;
    const bool two_rows = !start_items.empty() && needed > ui.width();
    const float bar_h = two_rows ? 2 * row_h - 24.0f * u : row_h;
    const float by = ui.height() - bar_h;
    ui.fill(Rect{0, by, ui.width(), bar_h}, t.surface);
    ui.fill(Rect{0, by, ui.width(), 2.0f * u}, t.border);

    const float end_row = by + (row_h - bh) * 0.5f;
    const float start_row = two_rows ? end_row + row_h - 24.0f * u : end_row;
    float x = pad;
    for (const auto& i : start_items) {
        const Rect r = ui.from_start(x, start_row, i.width, bh);
        if (staff) {
            // Leaving staff mode is the one thing that ends it: drawn as such, not as "home".
            result.exit = ui::widgets::button(ui, i.id, ctx.tr(i.key), r, ui::widgets::ButtonKind::Danger);
        } else if (bar_button(ui, i.id, ctx.tr(i.key), r, i.primary)) {
            if (i.id == "nav.home") leave_for_home(s, ui.now_ms());
            else result.back = true;
        }
        x += i.width + gap;
    }
    x = pad;
    for (const auto& i : end_items) {
        if (bar_button(ui, i.id, ctx.tr(i.key), ui.from_start(ui.width() - x - i.width, end_row, i.width, bh),
                       i.primary)) {
            if (i.id == "nav.lang") s.lang = s.lang == ui::i18n::Lang::Ar ? ui::i18n::Lang::En : ui::i18n::Lang::Ar;
            else if (i.id == "nav.bigger") s.bigger_text = !s.bigger_text;
            else s.high_contrast = !s.high_contrast;
            s.changed = true;
        }
        x += i.width + gap;
    }
    return by;
}

}  // namespace

ChromeResult draw_chrome(ScreenContext& ctx, const ChromeOptions& options) {
    ChromeResult result;
    const float top = draw_top_bar(ctx, options, result);
    const float bottom = draw_bottom_bar(ctx, options, result);
    result.body = Rect{0, top, ctx.ui.width(), bottom - top};
    return result;
}

}  // namespace kiosk::screens
