// The rating flow; see rate.h.
#include "kiosk/screens/rate.h"

#include <array>
#include <string>

#include "kiosk/domain/message_keys.h"
#include "kiosk/screens/done.h"
#include "kiosk/screens/form.h"
#include "ui/widgets/controls.h"

namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

constexpr std::array<std::string_view, 5> kFaceKeys = {"rate.face.1", "rate.face.2", "rate.face.3", "rate.face.4",
                                                       "rate.face.5"};
constexpr std::array<std::string_view, 5> kServiceKeys = {"reception", "support_request", "social_research",
                                                          "volunteering", "other"};
constexpr std::array<std::string_view, 6> kCounters = {"1", "2", "3", "4", "5", "6"};

std::optional<int>* aspect_slot(domain::RatingForm& form, std::string_view aspect) {
    if (aspect == "wait") return &form.wait;
    if (aspect == "courtesy") return &form.courtesy;
    if (aspect == "clarity") return &form.clarity;
    return &form.ease;
}

float aspect_row(ScreenContext& ctx, RatingFlow& flow, std::string_view aspect, float x, float y, float w) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const std::string key = "rate.aspect." + std::string(aspect);
    const float h =
        ui.label(ctx.tr(key), Rect{x, y, w, 0}, TextOptions{.role = TextRole::Label, .weight = ui::text::Weight::Bold});
    std::optional<int>* slot = aspect_slot(flow.form, aspect);
    int score = slot->value_or(0);
    const float faces_h = 78.0f * u;
    if (ui::widgets::rating_faces(ui, "rate." + std::string(aspect), score, Rect{x, y + h + 6.0f * u, w, faces_h}, {}))
        *slot = score;
    return h + faces_h + 22.0f * u;
}

// Which service the visit was for and at which counter: chips, both optional.
float visit_context(ScreenContext& ctx, RatingFlow& flow, const FormFrame& f, float y) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    const float top = y;
    y += ui.label(ctx.tr("rate.service"), Rect{f.x, y, f.w, 0},
                  TextOptions{.role = TextRole::Label, .weight = ui::text::Weight::Bold}) +
         8.0f * u;
    std::vector<ui::widgets::Choice> services;
    std::vector<std::string> service_labels;
    for (auto key : kServiceKeys) service_labels.push_back("rate.service." + std::string(key));
    for (std::size_t i = 0; i < kServiceKeys.size(); ++i)
        services.push_back({kServiceKeys[i], ctx.tr(service_labels[i])});
    y += ui::widgets::choice_chips(ui, "rate.service", services, flow.form.service, f.x, y, f.w).height + 22.0f * u;

    y += ui.label(ctx.tr("rate.counter"), Rect{f.x, y, f.w, 0},
                  TextOptions{.role = TextRole::Label, .weight = ui::text::Weight::Bold}) +
         8.0f * u;
    std::vector<ui::widgets::Choice> counters;
    for (auto c : kCounters) counters.push_back({c, c});
    std::string counter = flow.form.counter ? std::to_string(*flow.form.counter) : "";
    y += ui::widgets::choice_chips(ui, "rate.counter", counters, counter, f.x, y, f.w).height + 22.0f * u;
    if (!counter.empty()) flow.form.counter = std::stoi(counter);
    return y - top;
}

Action submit(ScreenContext& ctx, RatingFlow& flow) {
    flow.form.comment = flow.comment;
    auto checked = domain::validate(flow.form);
    if (!checked.ok()) {
        const auto& e = checked.errors.front();
        show_form_message(ctx.session, flow.error_key, flow.scroll,
                          e.field == "overall" ? domain::keys::score_range : e.key);
        return {};
    }
    // A child mashing the faces, or a double tap on "send", is one rating, not many.
    const std::int64_t now = ctx.ui.wall_ms();
    if (ctx.session.last_rating_ms != 0 && now - ctx.session.last_rating_ms < kRatingBurstMs) {
        ctx.session.go(ScreenId::RateDone);
        return {};
    }
    return Submit{domain::Record{*checked.record}, FormKind::Rating};
}

}  // namespace

Action draw_rate_form(ScreenContext& ctx) {
    auto& ui = ctx.ui;
    auto& flow = ctx.session.forms.rating;
    const auto& t = ui.theme();
    const float u = ui.scale();
    FormFrame f = begin_form(
        ctx, flow.scroll,
        FormSpec{.title_key = "rate.title", .action_id = "nav.submit", .action_key = "rate.send", .show_rate = false});
    float y = f.y;
    y += form_warning(ctx, flow.error_key, f, y);
    // Rating is the visitor's right (the association's policy): said first, in full colour.
    y += ui::widgets::notice(ui, ctx.tr("rate.right"), ui::widgets::Icon::Info, t.primary, f.x, y, f.w) + 16.0f * u;
    y += ui.label(ctx.tr("rate.overall"), Rect{f.x, y, f.w, 0},
                  TextOptions{.role = TextRole::Title, .weight = ui::text::Weight::Bold}) +
         8.0f * u;
    std::array<std::string_view, 5> faces{};
    for (std::size_t i = 0; i < faces.size(); ++i) faces[i] = ctx.tr(kFaceKeys[i]);
    const float faces_h = 150.0f * u;
    if (ui::widgets::rating_faces(ui, "rate.overall", flow.form.overall, Rect{f.x, y, f.w, faces_h}, faces))
        flow.error_key.clear();
    y += faces_h + 28.0f * u;

    y += ui.label(ctx.tr("rate.more"), Rect{f.x, y, f.w, 0},
                  TextOptions{.role = TextRole::Body, .colour = t.text_muted}) +
         14.0f * u;
    for (auto aspect : domain::kRatingAspects) y += aspect_row(ctx, flow, aspect, f.x, y, f.w);

    y += visit_context(ctx, flow, f, y);

    y += ui::widgets::text_field(ui, ctx.session.focus, "rate.comment", flow.comment, f.x, y, f.w,
                                 ui::widgets::FieldOptions{.label = ctx.tr("rate.comment"),
                                                           .hint = ctx.tr("rate.comment_hint"),
                                                           .multiline = true,
                                                           .keyboard = ctx.session.lang == ui::i18n::Lang::Ar
                                                                           ? ui::widgets::KeyboardLayout::Arabic
                                                                           : ui::widgets::KeyboardLayout::English,
                                                           .filter = typeable})
             .height;
    end_form(ctx, flow.scroll, f, y);
    if (f.back) ctx.session.go(ScreenId::Home);
    if (f.action) return submit(ctx, flow);
    return {};
}

void draw_rate_done(ScreenContext& ctx) {
    draw_done(ctx, DoneSpec{.title_key = "rate.thanks",
                            .detail_key = "rate.thanks_detail",
                            .home_id = "rate.home",
                            .offer_rating = false});
}

}  // namespace kiosk::screens
