// The inquiry / complaint / suggestion flow; see feedback.h.
#include "kiosk/screens/feedback.h"

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/screens/done.h"
#include "kiosk/screens/field_errors.h"
#include "kiosk/screens/form.h"
#include "ui/widgets/controls.h"

namespace kiosk::screens {

using ui::widgets::FieldOptions;
using ui::widgets::KeyboardLayout;
using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

float kind_chips(ScreenContext& ctx, FeedbackFlow& flow, std::vector<FieldPlace>& places, const FormFrame& f, float y) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const float top = y;
    y += ui.label(ctx.tr("feedback.kind"), Rect{f.x, y, f.w, 0},
                  TextOptions{.role = TextRole::Label, .weight = ui::text::Weight::Bold}) +
         8.0f * u;
    std::vector<std::string> keys;
    for (auto kind : domain::kFeedbackKinds) keys.push_back("feedback.kind." + std::string(kind));
    std::vector<ui::widgets::Choice> kinds;
    for (std::size_t i = 0; i < keys.size(); ++i) kinds.push_back({domain::kFeedbackKinds[i], ctx.tr(keys[i])});
    const auto chips = ui::widgets::choice_chips(ui, "feedback.kind", kinds, flow.form.kind, f.x, y, f.w);
    y += chips.height;
    if (chips.changed) forget_error(ctx, flow.errors, "kind");
    // Nothing chosen is the only way this goes wrong, so the message names the choice.
    const bool faulty = std::any_of(flow.errors.begin(), flow.errors.end(),
                                    [](const domain::FieldError& e) { return e.field == "kind"; });
    y += group_error(ui, faulty ? ctx.tr("feedback.kind_required") : std::string_view(), f.x, y, f.w);
    places.push_back(FieldPlace{.field = "kind", .top = top - f.y, .bottom = y - f.y});
    return y - top;
}

}  // namespace

Action draw_feedback_form(ScreenContext& ctx) {
    auto& ui = ctx.ui;
    auto& flow = ctx.session.forms.feedback;
    const auto& t = ui.theme();
    const float u = ui.scale();
    FormFrame f = begin_form(ctx, flow.scroll,
                             FormSpec{.title_key = "feedback.title",
                                      .subtitle_key = "feedback.intro",
                                      .action_id = "nav.submit",
                                      .action_key = "feedback.send"});
    std::vector<FieldPlace> places;
    float y = f.y;
    y += form_warning(ctx, flow.error_key, f, y);
    y += kind_chips(ctx, flow, places, f, y) + 24.0f * u;

    const std::string hint_key =
        "feedback.text_hint." + (flow.form.kind.empty() ? std::string("none") : flow.form.kind);
    y += form_field(ctx, flow.errors, places, "feedback.text", flow.form.text, y, f,
                    FieldOptions{.label = ctx.tr("feedback.text"),
                                 .hint = ctx.tr(hint_key),
                                 .multiline = true,
                                 .keyboard = text_keyboard(ctx.session)}) +
         30.0f * u;

    // The contact part says plainly that it is optional and what it is for.
    y += ui.label(ctx.tr("feedback.contact"), Rect{f.x, y, f.w, 0},
                  TextOptions{.role = TextRole::Title, .weight = ui::text::Weight::Bold}) +
         4.0f * u;
    y += ui.label(ctx.tr("feedback.contact_hint"), Rect{f.x, y, f.w, 0},
                  TextOptions{.role = TextRole::Body, .colour = t.text_muted}) +
         14.0f * u;
    y += form_field(ctx, flow.errors, places, "feedback.name", flow.form.name, y, f,
                    FieldOptions{.label = ctx.tr("feedback.name"), .keyboard = text_keyboard(ctx.session)}) +
         18.0f * u;
    y += form_field(ctx, flow.errors, places, "feedback.mobile", flow.form.mobile, y, f,
                    FieldOptions{.label = ctx.tr("feedback.mobile"),
                                 .hint = ctx.tr("feedback.mobile_hint"),
                                 .left_to_right = true,
                                 .keyboard = KeyboardLayout::Digits,
                                 .max_bytes = 40});
    end_form(ctx, flow.scroll, f, y);
    if (f.back) ctx.session.go(ScreenId::Home);
    else if (f.action) return submit_form(ctx, flow, f.viewport.h, places, FormKind::Feedback);
    return {};
}

void draw_feedback_done(ScreenContext& ctx) {
    const auto& flow = ctx.session.forms.feedback;
    // What happens next depends on the kind, and on whether the visitor left a number.
    const std::string kind = flow.form.kind.empty() ? std::string("inquiry") : flow.form.kind;
    const std::string title = "feedback.received." + kind;
    const std::string detail = "feedback.next." + kind + (flow.form.mobile.empty() ? ".anonymous" : ".reply");
    draw_done(
        ctx,
        DoneSpec{.title_key = title, .detail_key = detail, .reference = flow.reference, .home_id = "feedback.home"});
}

}  // namespace kiosk::screens
