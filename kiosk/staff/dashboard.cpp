// staff.dashboard: visitor satisfaction at a glance — the overall score, each aspect, the last
// 30 days as a bar chart, services and counters, response counts and how many comments came —
// and the same figures saved as CSV to the export folder. Every label goes through Ui::label.
#include <algorithm>
#include <array>
#include <string>

#include "kiosk/staff/dashboard_data.h"
#include "kiosk/staff/dashboard_parts.h"
#include "kiosk/staff/page.h"
#include "kiosk/staff/staff.h"

namespace kiosk::staff {

using screens::ScreenContext;
using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

std::string score_label(const ScreenContext& ctx, const store::ScoreAverage& s) {
    if (s.count == 0) return std::string(ctx.tr("staff.dash.no_score"));
    return ctx.strings.format("staff.dash.score", {ui::i18n::Arg::str("score", score_text(s))});
}

std::string responses(const ScreenContext& ctx, std::int64_t n) {
    return ctx.strings.format("staff.dash.responses", {ui::i18n::Arg::num("n", static_cast<double>(n))});
}

// A labelled bar for one aspect: the share of the track is the average out of 5.
float aspect_bar(ScreenContext& ctx, std::string_view label, const store::ScoreAverage& s, float x, float y, float w) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float label_w = w * 0.36f;
    const float value_w = w * 0.22f;
    const float track_w = w - label_w - value_w - 24.0f * u;
    const float h = std::max(ui.measure(label, label_w, TextOptions{.role = TextRole::Label}), 36.0f * u);
    ui.label(label, ui.from_start(x, y, label_w, h), TextOptions{.role = TextRole::Label, .centre_vertically = true});
    const float bar_h = 22.0f * u;
    const float track_x = x + label_w + 12.0f * u;
    ui.fill(ui.from_start(track_x, y + (h - bar_h) * 0.5f, track_w, bar_h), t.surface_pressed, bar_h * 0.5f);
    const float share = static_cast<float>(std::clamp(s.average / 5.0, 0.0, 1.0));
    if (s.count > 0)
        ui.fill(ui.from_start(track_x, y + (h - bar_h) * 0.5f, std::max(bar_h, track_w * share), bar_h), t.primary,
                bar_h * 0.5f);
    ui.label(score_label(ctx, s), ui.from_start(x + w - value_w, y, value_w, h),
             TextOptions{.role = TextRole::Label,
                         .weight = ui::text::Weight::Bold,
                         .align = ui::text::Align::End,
                         .wrap = false,
                         .centre_vertically = true});
    return h + 12.0f * u;
}

// The big overall figure at the start, the aspects beside it (under it when narrow).
float overview(ScreenContext& ctx, const DashboardFigures& f, float x, float y, float w) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const bool narrow = w < 900.0f * u;
    const float card_w = narrow ? w : w * 0.32f;
    const float card_h = 200.0f * u;
    const Rect card = ui.from_start(x, y, card_w, card_h);
    ui.fill(card, t.surface, 16.0f * u);
    ui.outline(card, t.border, 16.0f * u, 2.0f);
    const float pad = 20.0f * u;
    float cy = card.y + pad;
    cy += ui.label(ctx.tr("staff.dash.overall"), Rect{card.x + pad, cy, card.w - 2 * pad, 0},
                   TextOptions{.role = TextRole::Label, .colour = t.text_muted, .align = ui::text::Align::Center});
    // The figure as large as the card allows ("3.0 out of 5" is longer in some languages).
    const std::string figure_text = score_label(ctx, f.overall.overall);
    TextOptions figure{.role = TextRole::Display,
                       .weight = ui::text::Weight::Bold,
                       .colour = t.primary,
                       .align = ui::text::Align::Center,
                       .wrap = false};
    for (TextRole role : {TextRole::Display, TextRole::Heading, TextRole::Title}) {
        figure.role = role;
        if (ui.layout(figure_text, 0, figure).width <= card.w - 2 * pad) break;
    }
    cy += ui.label(figure_text, Rect{card.x + pad, cy, card.w - 2 * pad, 0}, figure);
    ui.label(responses(ctx, f.overall.overall.count), Rect{card.x + pad, cy, card.w - 2 * pad, 0},
             TextOptions{.role = TextRole::Body, .align = ui::text::Align::Center});
    const float ax = narrow ? x : x + card_w + 32.0f * u;
    const float aw = narrow ? w : w - card_w - 32.0f * u;
    float ay = narrow ? y + card_h + 20.0f * u : y;
    const std::array<std::pair<std::string_view, const store::ScoreAverage*>, 4> aspects = {
        {{"rate.aspect.wait", &f.overall.wait},
         {"rate.aspect.courtesy", &f.overall.courtesy},
         {"rate.aspect.clarity", &f.overall.clarity},
         {"rate.aspect.ease", &f.overall.ease}}};
    ay += ui.label(ctx.tr("staff.dash.aspects"), ui.from_start(ax, ay, aw, 0),
                   TextOptions{.role = TextRole::Label, .weight = ui::text::Weight::Bold}) +
          8.0f * u;
    for (const auto& [key, score] : aspects) ay += aspect_bar(ctx, ctx.tr(key), *score, ax, ay, aw);
    return std::max(y + card_h, ay) - y + 24.0f * u;
}

}  // namespace

screens::Action draw_staff_dashboard(ScreenContext& ctx) {
    auto& flow = ctx.session.forms.staff;
    screens::FormFrame f = begin_page(ctx, PageSpec{.tab = screens::ScreenId::StaffDashboard,
                                                    .title_key = "staff.dashboard.title",
                                                    .action_id = "staff.export_csv",
                                                    .action_key = "staff.dash.csv"});
    float y = f.y;
    y += draw_message(ctx, flow.dashboard_message, f.x, y, f.w);
    const auto& figures = flow.snapshot.dashboard;
    if (!figures) {
        y += draw_message(ctx, StaffMessage{"staff.store_error"}, f.x, y, f.w);
        end_page(ctx, f, y);
        return {};
    }
    y += overview(ctx, *figures, f.x, y, f.w);
    y += day_chart(ctx, figures->days, f, y);
    y += place_table(ctx, figures->places, f.x, y, f.w);
    y += comment_count(ctx, figures->comments, f.x, y, f.w);
    end_page(ctx, f, y);
    if (f.action) return screens::ExportDashboard{flow.export_dir()};
    return {};
}

void dashboard_export_done(screens::Session& session, StaffMessage message) {
    auto& flow = session.forms.staff;
    flow.dashboard_message = std::move(message);
    flow.scroll.offset = 0.0f;
    session.changed = true;
}

}  // namespace kiosk::staff
