// staff.settings: what this kiosk is (id, HQ address; read only), the display choices every
// visit starts with, and the staff PIN change. "Save" asks the app to write the store's
// settings and apply them at once (SaveSettings).
#include <string>
#include <vector>

#include "kiosk/staff/page.h"
#include "kiosk/staff/pin_field.h"
#include "kiosk/staff/staff.h"
#include "ui/widgets/controls.h"

namespace kiosk::staff {

using screens::ScreenContext;
using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

// A labelled row of two chips bound to a flag: `off_key` and `on_key` name the choices.
float flag_chips(ScreenContext& ctx, std::string_view id, std::string_view label_key, std::string_view off,
                 std::string_view on, bool& value, float x, float y, float w) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    float h = ui.label(ctx.tr(label_key), Rect{x, y, w, 0},
                       TextOptions{.role = TextRole::Label, .weight = ui::text::Weight::Bold}) +
              8.0f * u;
    const std::string prefix(id);
    const std::string off_key = prefix + "." + std::string(off);
    const std::string on_key = prefix + "." + std::string(on);
    const std::vector<ui::widgets::Choice> choices = {{off, ctx.tr(off_key)}, {on, ctx.tr(on_key)}};
    std::string chosen(value ? on : off);
    h += ui::widgets::choice_chips(ui, id, choices, chosen, x, y + h, w).height;
    value = chosen == on;
    return h + 20.0f * u;
}

float idle_chips(ScreenContext& ctx, int& seconds, float x, float y, float w) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    float h = ui.label(ctx.tr("staff.settings.idle"), Rect{x, y, w, 0},
                       TextOptions{.role = TextRole::Label, .weight = ui::text::Weight::Bold}) +
              8.0f * u;
    std::vector<std::string> keys;
    std::vector<std::string> labels;
    for (int s : kIdleChoices) {
        keys.push_back(std::to_string(s));
        labels.push_back(ctx.strings.format("staff.settings.seconds", {ui::i18n::Arg::num("n", s)}));
    }
    std::vector<ui::widgets::Choice> choices;
    for (std::size_t i = 0; i < keys.size(); ++i) choices.push_back({keys[i], labels[i]});
    std::string chosen = std::to_string(seconds);
    h += ui::widgets::choice_chips(ui, "staff.settings.idle", choices, chosen, x, y + h, w).height;
    if (!chosen.empty()) seconds = std::stoi(chosen);
    return h + 20.0f * u;
}

float about_kiosk(ScreenContext& ctx, const StaffServices& services, float x, float y, float w) {
    const float y0 = y;
    y += section_title(ctx, "staff.settings.kiosk", x, y, w);
    auto value = [&ctx](const std::string& v) { return v.empty() ? std::string(ctx.tr("staff.settings.not_set")) : v; };
    y += figure_row(ctx, ctx.tr("staff.settings.kiosk_id"), value(services.kiosk_id), x, y, w);
    y += figure_row(ctx, ctx.tr("staff.settings.hq_url"), value(services.hq_url), x, y, w);
    return y - y0 + 20.0f * ctx.ui.scale();
}

float pin_change(ScreenContext& ctx, StaffFlow& flow, screens::Action& action, float x, float y, float w) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const float y0 = y;
    y += section_title(ctx, "staff.settings.pin", x, y, w);
    y += pin_field(ctx, "staff.old_pin", "staff.settings.old_pin", flow.old_pin, x, y, w);
    y += pin_field(ctx, "staff.new_pin", "staff.settings.new_pin", flow.new_pin, x, y, w);
    const float bw = std::min(w, 420.0f * u);
    if (ui::widgets::button(ui, "staff.change_pin", ctx.tr("staff.change_pin"), ui.from_start(x, y, bw, 72.0f * u))) {
        // The old PIN is checked like any try; neither stays in memory after the tap.
        action = screens::ChangePin{std::move(flow.old_pin), std::move(flow.new_pin)};
        flow.old_pin.clear();
        flow.new_pin.clear();
        flow.scroll.offset = 0.0f;
        ctx.session.focus.clear();
        ctx.session.changed = true;
    }
    return y - y0 + 72.0f * u + 24.0f * u;
}

}  // namespace

screens::Action draw_staff_settings(ScreenContext& ctx, const StaffServices& services) {
    auto& flow = ctx.session.forms.staff;
    if (!flow.settings_loaded) {
        flow.settings = services.settings;
        flow.settings_loaded = true;
    }
    screens::FormFrame f = begin_page(ctx, PageSpec{.tab = screens::ScreenId::StaffSettings,
                                                    .title_key = "staff.settings.title",
                                                    .action_id = "staff.settings.save",
                                                    .action_key = "staff.settings.save"});
    float y = f.y;
    auto& s = flow.settings;
    y += draw_message(ctx, flow.settings_message, f.x, y, f.w);
    y += about_kiosk(ctx, services, f.x, y, f.w);
    y += section_title(ctx, "staff.settings.display", f.x, y, f.w);
    y += flag_chips(ctx, "staff.settings.digits", "staff.settings.digits", "western", "arabic", s.arabic_digits, f.x, y,
                    f.w);
    y += idle_chips(ctx, s.idle_seconds, f.x, y, f.w);
    y += flag_chips(ctx, "staff.settings.lang", "staff.settings.lang", "ar", "en", s.english_default, f.x, y, f.w);
    y += flag_chips(ctx, "staff.settings.text", "staff.settings.text", "normal", "bigger", s.bigger_text, f.x, y, f.w);
    y += flag_chips(ctx, "staff.settings.contrast", "staff.settings.contrast", "normal", "high", s.high_contrast, f.x,
                    y, f.w);
    screens::Action action;
    y += pin_change(ctx, flow, action, f.x, y, f.w);
    end_page(ctx, f, y);
    if (f.action) return screens::SaveSettings{s};
    return action;
}

void pin_change_done(screens::Session& session, StaffMessage message) {
    session.forms.staff.settings_message = std::move(message);
    session.changed = true;
}

void settings_save_done(screens::Session& session, bool saved) {
    auto& flow = session.forms.staff;
    flow.settings_message =
        saved ? StaffMessage{.key = "staff.settings.saved", .good = true} : StaffMessage{"staff.settings.save_failed"};
    flow.scroll.offset = 0.0f;
    session.focus.clear();
    session.changed = true;
}

}  // namespace kiosk::staff
