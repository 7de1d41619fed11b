// The dashboard's chart, table and comment count; see dashboard_parts.h. The chart is drawn with
// plain filled rectangles; time runs in the reading direction (right to left in Arabic).
#include "kiosk/staff/dashboard_parts.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <string>

#include "kiosk/staff/dashboard_data.h"
#include "kiosk/staff/page.h"
#include "ui/i18n/clock.h"

namespace kiosk::staff {

using screens::ScreenContext;
using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

// "Sun 15 Mar" from "2026-03-15", in the staff member's language and calendar words. The date
// is already local, so it is formatted at its own noon with no offset.
std::string short_date(const ScreenContext& ctx, const std::string& date) {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    if (std::sscanf(date.c_str(), "%d-%u-%u", &year, &month, &day) != 3) return date;
    const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
    if (!ymd.ok()) return date;
    const auto noon = std::chrono::sys_days(ymd) + std::chrono::hours(12);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(noon.time_since_epoch()).count();
    return ui::i18n::format_short_day(ms, 0, ctx.session.lang);
}

void chart_grid(ScreenContext& ctx, const Rect& plot, float gutter) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const TextOptions tick{.role = TextRole::Caption,
                           .colour = ui.theme().text_muted,
                           .align = ui::text::Align::End,
                           .wrap = false,
                           .centre_vertically = true};
    for (int level = 1; level <= 5; ++level) {
        const float ly = plot.bottom() - plot.h * static_cast<float>(level) / 5.0f;
        ui.fill(ui.from_start(plot.x, ly, plot.w, 1.0f * u), ui.theme().border);
        ui.label(std::to_string(level), ui.from_start(plot.x - gutter, ly - 14.0f * u, gutter - 10.0f * u, 28.0f * u),
                 tick);
    }
    ui.fill(ui.from_start(plot.x, plot.bottom(), plot.w, 2.0f * u), ui.theme().text_muted);
}

}  // namespace

float day_chart(ScreenContext& ctx, const std::vector<store::DaySatisfaction>& days, const screens::FormFrame& f,
                float y) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float x = f.x;
    const float w = f.w;
    const bool any = std::any_of(days.begin(), days.end(), [](const auto& d) { return d.scores.overall.count > 0; });
    const TextOptions empty_style{.role = TextRole::Body, .colour = t.text_muted};
    const float empty_h = days.empty() || !any ? ui.measure(ctx.tr("staff.dash.by_day_empty"), w, empty_style) : 0.0f;
    const float dates_h = 8.0f * u + ui.text_px(TextRole::Caption) * 1.6f;
    // The title, the chart and its dates are seen together or not at all, so the chart is no
    // taller than leaves the block room in the scroll area.
    const float around = section_title_height(ctx, "staff.dash.by_day", w) + empty_h + 16.0f * u + dates_h;
    const float plot_h = std::clamp(f.viewport.h - around - 8.0f * u, 120.0f * u, 200.0f * u);
    const float block_h = around + plot_h;
    const float used = block_h + 28.0f * u;
    if (!keep_whole(ctx, f, y, block_h)) return used;
    y += section_title(ctx, "staff.dash.by_day", x, y, w);
    if (empty_h > 0.0f) y += ui.label(ctx.tr("staff.dash.by_day_empty"), Rect{x, y, w, 0}, empty_style);
    const float gutter = 48.0f * u;
    // Plot coordinates are from the start edge; from_start mirrors them for Arabic.
    const Rect plot{x + gutter, y + 16.0f * u, w - gutter, plot_h};
    chart_grid(ctx, plot, gutter);
    const float slot = days.empty() ? plot.w : plot.w / static_cast<float>(days.size());
    const float bar_w = std::max(4.0f * u, slot * 0.64f);
    for (std::size_t i = 0; i < days.size(); ++i) {
        const auto& s = days[i].scores.overall;
        if (s.count == 0) continue;
        const float bh = plot.h * static_cast<float>(std::clamp(s.average / 5.0, 0.0, 1.0));
        const float bx = plot.x + slot * static_cast<float>(i) + (slot - bar_w) * 0.5f;
        ui.fill(ui.from_start(bx, plot.bottom() - bh, bar_w, bh), t.primary, 4.0f * u);
    }
    // The first day from the chart's start, the middle one centred, the last to its end.
    if (!days.empty()) {
        const float label_w = 220.0f * u;
        const float ly = plot.bottom() + 8.0f * u;
        const TextOptions date{.role = TextRole::Caption, .colour = t.text_muted, .wrap = false};
        auto at = [&](std::size_t i, float start, ui::text::Align align) {
            TextOptions style = date;
            style.align = align;
            ui.label(short_date(ctx, days[i].date), ui.from_start(start, ly, label_w, 0), style);
        };
        at(0, plot.x, ui::text::Align::Start);
        if (days.size() > 2) at(days.size() / 2, plot.x + plot.w * 0.5f - label_w * 0.5f, ui::text::Align::Center);
        if (days.size() > 1) at(days.size() - 1, plot.right() - label_w, ui::text::Align::End);
    }
    return used;
}

float place_table(ScreenContext& ctx, const std::vector<store::PlaceSatisfaction>& places, float x, float y, float w) {
    const float y0 = y;
    y += section_title(ctx, "staff.dash.by_place", x, y, w);
    if (places.empty())
        return y - y0 +
               ctx.ui.label(ctx.tr("staff.dash.no_ratings"), Rect{x, y, w, 0},
                            TextOptions{.role = TextRole::Body, .colour = ctx.ui.theme().text_muted}) +
               24.0f * ctx.ui.scale();
    constexpr std::array<float, 4> shares = {0.4f, 0.2f, 0.2f, 0.2f};
    const std::array<std::string, 4> header = {
        std::string(ctx.tr("staff.dash.service")), std::string(ctx.tr("staff.dash.counter")),
        std::string(ctx.tr("staff.dash.count")), std::string(ctx.tr("staff.dash.average"))};
    y += table_row(ctx, header, shares, x, y, w, true);
    for (const auto& p : places) {
        const std::string service = p.service.empty() ? std::string(ctx.tr("staff.dash.not_given"))
                                                      : std::string(ctx.tr("rate.service." + p.service));
        const std::string counter =
            p.counter ? std::to_string(*p.counter) : std::string(ctx.tr("staff.dash.not_given"));
        const std::array<std::string, 4> row = {service, counter, std::to_string(p.scores.overall.count),
                                                score_text(p.scores.overall)};
        y += table_row(ctx, row, shares, x, y, w);
    }
    return y - y0 + 28.0f * ctx.ui.scale();
}

float comment_count(ScreenContext& ctx, std::int64_t comments, float x, float y, float w) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const float y0 = y;
    y += section_title(ctx, "staff.dash.comments", x, y, w);
    // The count, and (in the same words) that the text is read at HQ: the kiosk cannot show it.
    y += ui.label(
        ctx.strings.format("staff.dash.comment_count", {ui::i18n::Arg::num("n", static_cast<double>(comments))}),
        Rect{x, y, w, 0}, TextOptions{.role = TextRole::Body, .colour = ui.theme().text_muted});
    return y - y0 + 24.0f * u;
}

}  // namespace kiosk::staff
