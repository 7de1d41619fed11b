// The home screen; see home.h. Tiles flow from the start edge, so in Arabic the first
// service is at the top right, as a reader looks first.
#include "kiosk/screens/home.h"

#include <algorithm>
#include <array>

#include "kiosk/screens/chrome.h"

namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

std::span<const HomeTile> home_tiles() {
    static constexpr std::array tiles = {
        HomeTile{"home.request", "home.request.title", "home.request.hint", ui::widgets::Icon::Heart, ScreenId::RequestNeed},
        HomeTile{"home.feedback", "home.feedback.title", "home.feedback.hint", ui::widgets::Icon::Bubble, ScreenId::FeedbackForm},
        HomeTile{"home.volunteer", "home.volunteer.title", "home.volunteer.hint", ui::widgets::Icon::People, ScreenId::VolunteerForm},
        HomeTile{"home.rate", "home.rate.title", "home.rate.hint", ui::widgets::Icon::Star, ScreenId::RateForm},
        HomeTile{"home.status", "home.status.title", "home.status.hint", ui::widgets::Icon::Search, ScreenId::StatusLookup},
        HomeTile{"home.about", "home.about.title", "home.about.hint", ui::widgets::Icon::Info, ScreenId::About},
    };
    return tiles;
}

void start_flow(Session& session, ScreenId first) {
    // Every visit to a flow starts from an empty form: the previous visitor's answers are gone.
    switch (first) {
    case ScreenId::RateForm: session.forms.rating = {}; break;
    case ScreenId::FeedbackForm: session.forms.feedback = {}; break;
    case ScreenId::VolunteerForm: session.forms.volunteer = {}; break;
    case ScreenId::RequestNeed: session.forms.request = {}; break;
    case ScreenId::StatusLookup: session.forms.status = {}; break;
    default: break;
    }
    session.go(first);
}

namespace {

void draw_tile(ScreenContext& ctx, const HomeTile& tile, const Rect& r) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    if (ui.tap_area(tile.id, r)) start_flow(ctx.session, tile.target);
    ui.fill(r, ui.is_pressed() ? t.surface_pressed : t.surface, 18.0f * u);
    ui.outline(r, t.border, 18.0f * u, 2.0f);
    const float pad = 22.0f * u;
    const TextOptions title{.role = TextRole::Title, .weight = ui::text::Weight::Bold, .max_lines = 2};
    const TextOptions hint{.role = TextRole::Body, .colour = t.text_muted, .max_lines = 2};
    // A tall tile stacks icon over words; a short one (many tiles on a landscape screen)
    // puts the icon at the start edge and the words beside it.
    const bool stacked = r.h >= 250.0f * u;
    const float icon = stacked ? std::min(84.0f * u, r.h * 0.34f) : std::min(72.0f * u, r.h - 2 * pad);
    const float text_w = stacked ? r.w - 2 * pad : r.w - 3 * pad - icon;
    const float title_h = ui.measure(ctx.tr(tile.title_key), text_w, title);
    const float hint_h = ui.measure(ctx.tr(tile.hint_key), text_w, hint);
    const float icon_y = stacked ? r.y + pad : r.y + (r.h - icon) * 0.5f;
    const Rect icon_box = ui.rtl() ? Rect{r.right() - pad - icon, icon_y, icon, icon} : Rect{r.x + pad, icon_y, icon, icon};
    ui::widgets::draw_icon(tile.icon, icon_box, t.primary, ui.rtl());
    float y = stacked ? r.y + pad + icon + 12.0f * u : r.y + std::max(pad * 0.5f, (r.h - title_h - hint_h - 4.0f * u) * 0.5f);
    const float x = stacked || ui.rtl() ? r.x + pad : r.x + 2 * pad + icon;
    y += ui.label(ctx.tr(tile.title_key), Rect{x, y, text_w, 0}, title) + 4.0f * u;
    ui.label(ctx.tr(tile.hint_key), Rect{x, y, text_w, 0}, hint);
}

}  // namespace

void draw_home(ScreenContext& ctx) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    ChromeResult chrome = draw_chrome(ctx, ChromeOptions{.show_home = false, .show_back = false, .show_rate = false});
    if (chrome.logo_held) {   // staff mode: a fresh, locked state on staff.pin
        ctx.session.forms.staff = {};
        ctx.session.go(ScreenId::StaffPin);
    }
    const Rect body = chrome.body;
    const float pad = 40.0f * u;

    float y = body.y + pad * 0.8f;
    y += ui.label(ctx.tr("home.welcome"), Rect{pad, y, ui.width() - 2 * pad, 0},
                  TextOptions{.role = TextRole::Heading, .weight = ui::text::Weight::Bold, .colour = t.primary});
    y += ui.label(ctx.tr("home.prompt"), Rect{pad, y + 4.0f * u, ui.width() - 2 * pad, 0},
                  TextOptions{.role = TextRole::Label, .colour = t.text_muted});
    y += 28.0f * u;

    auto tiles = home_tiles();
    if (tiles.empty()) {
        ui.label(ctx.tr("home.no_services"), Rect{pad, y, ui.width() - 2 * pad, 0}, TextOptions{.role = TextRole::Label});
        return;
    }
    const bool portrait = ui.height() > ui.width();
    const int columns = portrait ? 2 : 3;
    const float gap = 24.0f * u;
    const float tile_w = (ui.width() - 2 * pad - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const int rows = (static_cast<int>(tiles.size()) + columns - 1) / columns;
    const float room = body.bottom() - y - pad * 0.6f;
    const float tile_h = std::min(portrait ? 360.0f * u : 250.0f * u,
                                  (room - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        const int col = static_cast<int>(i) % columns;
        const int row = static_cast<int>(i) / columns;
        const float start = pad + static_cast<float>(col) * (tile_w + gap);
        draw_tile(ctx, tiles[i], ui.from_start(start, y + static_cast<float>(row) * (tile_h + gap), tile_w, tile_h));
    }
}

}  // namespace kiosk::screens
