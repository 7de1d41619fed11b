// The volunteer registration flow; see volunteer.h.
#include "kiosk/screens/volunteer.h"

#include <span>
#include <string>
#include <vector>

#include "kiosk/screens/done.h"
#include "kiosk/screens/field_errors.h"
#include "kiosk/screens/form.h"
#include "ui/widgets/controls.h"

namespace kiosk::screens {

using ui::widgets::FieldOptions;
using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

// A heading, chips (several may be chosen) and a text field for anything the chips miss.
// Validation reports the group as one field; its message goes under the heading, so that
// bringing the group into view from the top (chips, not the keyboard) shows it.
struct ChipGroup {
    std::string_view field;  // "skills", "availability"
    std::string_view title_key;
    std::string_view chip_prefix;  // "volunteer.skill"
    std::span<const std::string_view> keys;
    std::string_view text_id;  // "volunteer.skills"
    std::string_view text_label_key;
    std::string_view text_hint_key;
};

float chip_group(ScreenContext& ctx, VolunteerFlow& flow, std::vector<FieldPlace>& places, const FormFrame& f, float y,
                 const ChipGroup& g, std::vector<std::string>& chosen, std::string& text) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const float top = y;
    const std::size_t place = places.size();
    places.push_back(FieldPlace{.field = g.field, .top = top - f.y});
    y += ui.label(ctx.tr(g.title_key), Rect{f.x, y, f.w, 0},
                  TextOptions{.role = TextRole::Title, .weight = ui::text::Weight::Bold}) +
         10.0f * u;
    const float message_h = group_error(ui, field_error(ctx, flow.errors, g.field), f.x, y - 10.0f * u, f.w);
    if (message_h > 0.0f) y += message_h + 6.0f * u;
    std::vector<std::string> labels;
    for (auto key : g.keys) labels.push_back(std::string(g.chip_prefix) + "." + std::string(key));
    std::vector<ui::widgets::Choice> choices;
    for (std::size_t i = 0; i < g.keys.size(); ++i) choices.push_back({g.keys[i], ctx.tr(labels[i])});
    const auto chips = ui::widgets::multi_chips(ui, g.chip_prefix, choices, chosen, f.x, y, f.w);
    y += chips.height + 18.0f * u;
    if (chips.changed) forget_error(ctx, flow.errors, g.field);
    y += form_field(ctx, flow.errors, places, g.text_id, text, y, f,
                    FieldOptions{.label = ctx.tr(g.text_label_key),
                                 .hint = ctx.tr(g.text_hint_key),
                                 .keyboard = text_keyboard(ctx.session),
                                 .max_bytes = 1200},
                    g.field, false);
    places[place].bottom = y - f.y;
    return y - top;
}

}  // namespace

Action draw_volunteer_form(ScreenContext& ctx) {
    auto& ui = ctx.ui;
    auto& flow = ctx.session.forms.volunteer;
    const float u = ui.scale();
    FormFrame f = begin_form(ctx, flow.scroll,
                             FormSpec{.title_key = "volunteer.title",
                                      .subtitle_key = "volunteer.intro",
                                      .action_id = "nav.submit",
                                      .action_key = "volunteer.send"});
    std::vector<FieldPlace> places;
    float y = f.y;
    y += form_warning(ctx, flow.error_key, f, y);
    y += form_field(ctx, flow.errors, places, "volunteer.name", flow.form.name, y, f,
                    FieldOptions{.label = ctx.tr("volunteer.name"), .keyboard = text_keyboard(ctx.session)}) +
         18.0f * u;
    y += form_field(ctx, flow.errors, places, "volunteer.mobile", flow.form.mobile, y, f,
                    FieldOptions{.label = ctx.tr("volunteer.mobile"),
                                 .hint = ctx.tr("volunteer.mobile_hint"),
                                 .left_to_right = true,
                                 .keyboard = ui::widgets::KeyboardLayout::Digits,
                                 .max_bytes = 40}) +
         30.0f * u;
    y += chip_group(ctx, flow, places, f, y,
                    ChipGroup{.field = "skills",
                              .title_key = "volunteer.skills_title",
                              .chip_prefix = "volunteer.skill",
                              .keys = domain::kSkillKeys,
                              .text_id = "volunteer.skills",
                              .text_label_key = "volunteer.skills",
                              .text_hint_key = "volunteer.skills_hint"},
                    flow.form.skills, flow.form.skills_text) +
         30.0f * u;
    y += chip_group(ctx, flow, places, f, y,
                    ChipGroup{.field = "availability",
                              .title_key = "volunteer.availability_title",
                              .chip_prefix = "volunteer.availability",
                              .keys = domain::kAvailabilityKeys,
                              .text_id = "volunteer.availability_note",
                              .text_label_key = "volunteer.availability_note",
                              .text_hint_key = "volunteer.availability_note_hint"},
                    flow.form.availability, flow.form.availability_note);
    end_form(ctx, flow.scroll, f, y);
    if (f.back) ctx.session.go(ScreenId::Home);
    else if (f.action) return submit_form(ctx, flow, f.viewport.h, places, FormKind::Volunteer);
    return {};
}

void draw_volunteer_done(ScreenContext& ctx) {
    draw_done(ctx, DoneSpec{.title_key = "volunteer.done.title",
                            .detail_key = "volunteer.done.detail",
                            .reference = ctx.session.forms.volunteer.reference,
                            .home_id = "volunteer.home"});
}

}  // namespace kiosk::screens
