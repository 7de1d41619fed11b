// The request-status flow; see status.h.
#include "kiosk/screens/status.h"

#include <algorithm>
#include <string>

#include "kiosk/domain/reference.h"
#include "kiosk/screens/chrome.h"
#include "kiosk/screens/form.h"
#include "ui/i18n/clock.h"
#include "ui/widgets/controls.h"

namespace kiosk::screens {

using ui::widgets::Icon;
using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

constexpr std::string_view kReferenceField = "status.reference";

// Store failures are shown at the top of the form; a reference that does not read is shown
// beside the field (message keys from kiosk/domain start with "error.").
bool is_store_error(std::string_view key) { return key.starts_with("store."); }

Action look_up(ScreenContext& ctx, StatusFlow& flow) {
    ctx.session.changed = true;
    const auto parsed = domain::parse_reference(flow.reference);
    if (!parsed.ok()) {
        // The caret stays in the field, so the visitor can correct it at once.
        flow.error_key = std::string(parsed.error);
        ctx.session.focus.focus(kReferenceField, ui::widgets::KeyboardLayout::English);
        return {};
    }
    return LookUp{parsed.value};
}

}  // namespace

Action draw_status_lookup(ScreenContext& ctx) {
    auto& ui = ctx.ui;
    auto& flow = ctx.session.forms.status;
    const auto& t = ui.theme();
    const float u = ui.scale();
    // One field and a few lines always fit, so this form keeps no scroll position between
    // frames (the flow's state has none): the area is laid out fresh each frame.
    ui::widgets::ScrollState scroll;
    FormFrame f = begin_form(ctx, scroll,
                             FormSpec{.title_key = "status.title",
                                      .subtitle_key = "status.intro",
                                      .action_id = "nav.submit",
                                      .action_key = "status.check"});
    float y = f.y;
    const bool store_error = !flow.error_key.empty() && is_store_error(flow.error_key);
    if (store_error) y += form_warning(ctx, flow.error_key, f, y);
    const std::string error =
        store_error || flow.error_key.empty() ? std::string() : std::string(ctx.tr(flow.error_key));
    const auto field =
        ui::widgets::text_field(ui, ctx.session.focus, kReferenceField, flow.reference, f.x, y, f.w,
                                ui::widgets::FieldOptions{.label = ctx.tr("status.reference"),
                                                          .hint = ctx.tr("status.reference_hint"),
                                                          .error = error,
                                                          .left_to_right = true,
                                                          .keyboard = ui::widgets::KeyboardLayout::English,
                                                          .max_bytes = 40,
                                                          .filter = typeable});
    y += field.height + 18.0f * u;
    if (field.changed && !flow.error_key.empty()) {
        flow.error_key.clear();
        ctx.session.changed = true;  // the message goes now, not under the next touch
    }
    y += ui.label(ctx.tr("status.help"), Rect{f.x, y, f.w, 0},
                  TextOptions{.role = TextRole::Body, .colour = t.text_muted});
    end_form(ctx, scroll, f, y);
    if (f.back) ctx.session.go(ScreenId::Home);
    else if (f.action) return look_up(ctx, flow);
    return {};
}

namespace {

// What the result screen says: a headline, what it means for the visitor, and a date line.
struct Outcome {
    std::string_view headline_key;
    std::string_view detail_key;
    std::string_view date_key;  // empty: no date
    std::int64_t date_ms = 0;
    Icon icon = Icon::Info;
    bool good = false;  // accepted: shown in the success colour
};

// What HQ's review state means for the visitor. Each state belongs to one kind of record
// (DESIGN.md, "HQ"), so the state alone chooses the words; only "received" reads differently
// for a support request, which waits for the research committee.
Outcome answered_by_hq(const store::RequestStatus& hq, bool request) {
    using store::ReviewState;
    const std::int64_t when = hq.updated_ms;
    constexpr std::string_view kUpdated = "status.updated_on";
    switch (hq.state) {
    case ReviewState::received:
        return {"status.at_hq", request ? "status.at_hq_detail.request" : "status.at_hq_detail.other", kUpdated, when};
    case ReviewState::in_review: return {"status.in_review", "status.in_review_detail", kUpdated, when};
    case ReviewState::needs_info:
        return {"status.needs_info", "status.needs_info_detail", kUpdated, when, Icon::Warning};
    case ReviewState::accepted: return {"status.accepted", "status.accepted_detail", kUpdated, when, Icon::Check, true};
    case ReviewState::rejected: return {"status.rejected", "status.rejected_detail", kUpdated, when};
    case ReviewState::answered: return {"status.answered", "status.answered_detail", kUpdated, when, Icon::Bubble};
    case ReviewState::closed: return {"status.closed", "status.closed_detail", kUpdated, when, Icon::Check};
    case ReviewState::contacted: return {"status.contacted", "status.contacted_detail", kUpdated, when, Icon::People};
    case ReviewState::active: return {"status.active", "status.active_detail", kUpdated, when, Icon::Heart, true};
    case ReviewState::declined: return {"status.declined", "status.declined_detail", kUpdated, when};
    }
    return {"status.at_hq", "status.at_hq_detail.other", kUpdated, when};
}

Outcome outcome_of(const store::StatusLookup& r) {
    const bool request = !r.local || r.local->kind == domain::RecordKind::support_request;
    if (r.hq) return answered_by_hq(*r.hq, request);
    if (!r.local) return {"status.unknown", "status.unknown_detail", {}, 0, Icon::Search};
    const std::int64_t received = r.local->created_ms;
    switch (r.local->outbox) {
    case store::OutboxState::queued:
        return {"status.queued", request ? "status.queued_detail.request" : "status.queued_detail.other",
                "status.received_on", received};
    case store::OutboxState::rejected: return {"status.held", "status.held_detail", "status.received_on", received};
    default:
        return {"status.at_hq", request ? "status.at_hq_detail.request" : "status.at_hq_detail.other",
                "status.received_on", received};
    }
}

// HQ's note in the visitor's language, else the one in the other language: a reviewer who
// wrote only one still reaches every visitor, and an Arabic visitor never meets an empty note.
// The store keeps notes cleaned (no bidi formatting, no blank note) and capped in length.
std::string_view note_for(const StatusFlow& flow, ui::i18n::Lang lang) {
    if (!flow.result || !flow.result->hq) return {};
    const store::RequestStatus& hq = *flow.result->hq;
    const bool arabic = lang == ui::i18n::Lang::Ar;
    const std::string& own = arabic ? hq.note_ar : hq.note_en;
    return own.empty() ? std::string_view(arabic ? hq.note_en : hq.note_ar) : std::string_view(own);
}

// The reference, and what it was filed as when this kiosk knows.
float reference_line(ScreenContext& ctx, const StatusFlow& flow, float x, float y, float w) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float top = y;
    y += ui.label(ctx.tr("status.reference_is"), Rect{x, y, w, 0},
                  TextOptions{.role = TextRole::Body, .colour = t.text_muted});
    y += ui.label(flow.canonical, Rect{x, y, w, 0},
                  TextOptions{.role = TextRole::Heading,
                              .weight = ui::text::Weight::Bold,
                              .wrap = false,
                              .direction = ui::text::Direction::Ltr});
    if (flow.result && flow.result->local) {
        // A feedback says which it was (inquiry, complaint or suggestion), not all three.
        const auto& local = *flow.result->local;
        const bool categorised = local.kind == domain::RecordKind::feedback &&
                                 std::find(domain::kFeedbackKinds.begin(), domain::kFeedbackKinds.end(),
                                           local.category) != domain::kFeedbackKinds.end();
        const std::string kind = categorised ? "feedback.kind." + local.category
                                             : "status.kind." + std::string(domain::wire_name(local.kind));
        y += ui.label(ctx.tr(kind), Rect{x, y + 2.0f * u, w, 0}, TextOptions{.role = TextRole::Label}) + 2.0f * u;
    }
    return y - top;
}

// The outcome in a box: icon and headline, what it means, the date, and HQ's note if any.
float outcome_box(ScreenContext& ctx, const StatusFlow& flow, const Outcome& o, float x, float y, float w) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float pad = 24.0f * u;
    const float icon = 56.0f * u;
    const ui::widgets::Colour colour = o.good ? t.success : t.primary;
    const float tx = ui.rtl() ? x + pad : x + pad + icon + pad;
    const float tw = w - icon - 3 * pad;
    const TextOptions headline{.role = TextRole::Title, .weight = ui::text::Weight::Bold, .colour = colour};
    const TextOptions body{.role = TextRole::Label};
    const TextOptions muted{.role = TextRole::Body, .colour = t.text_muted};
    std::string date;
    if (!o.date_key.empty())
        date = ctx.strings.format(
            o.date_key,
            {ui::i18n::Arg::str("date", ui::i18n::format_date(o.date_ms, ctx.utc_offset_minutes, ctx.session.lang))});
    const std::string_view note = note_for(flow, ctx.session.lang);
    // The note is its own paragraph whose direction its first letter sets (an English note
    // in the Arabic interface reads left to right), so it cannot reorder the words around it.
    // It wraps in full, however long: the result scrolls.
    const TextOptions note_text{.role = TextRole::Label, .content_direction = true};
    // Measured first, so the box is drawn behind its text.
    float h = ui.measure(ctx.tr(o.headline_key), tw, headline) + 8.0f * u + ui.measure(ctx.tr(o.detail_key), tw, body);
    if (!date.empty()) h += 10.0f * u + ui.measure(date, tw, muted);
    if (!note.empty()) h += 18.0f * u + ui.measure(ctx.tr("status.note"), tw, muted) + ui.measure(note, tw, note_text);
    h = std::max(h, icon) + 2 * pad;
    ui.fill(Rect{x, y, w, h}, t.surface, 16.0f * u);
    ui.outline(Rect{x, y, w, h}, colour, 16.0f * u, 3.0f * u);
    const Rect icon_box = ui.rtl() ? Rect{x + w - pad - icon, y + pad, icon, icon} : Rect{x + pad, y + pad, icon, icon};
    ui::widgets::draw_icon(o.icon, icon_box, colour, false);
    float ty = y + pad;
    ty += ui.label(ctx.tr(o.headline_key), Rect{tx, ty, tw, 0}, headline) + 8.0f * u;
    ty += ui.label(ctx.tr(o.detail_key), Rect{tx, ty, tw, 0}, body);
    if (!date.empty()) ty += 10.0f * u + ui.label(date, Rect{tx, ty + 10.0f * u, tw, 0}, muted);
    if (!note.empty()) {
        ty += 18.0f * u;
        ty += ui.label(ctx.tr("status.note"), Rect{tx, ty, tw, 0}, muted);
        ui.label(note, Rect{tx, ty, tw, 0}, note_text);
    }
    return h;
}

}  // namespace

void draw_status_result(ScreenContext& ctx) {
    auto& flow = ctx.session.forms.status;
    const float u = ctx.ui.scale();
    // HQ's note can be long: the result scrolls, and "look up another" stays in reach.
    FormFrame f = begin_form(
        ctx, flow.result_scroll,
        FormSpec{.title_key = "status.result_title", .action_id = "status.again", .action_key = "status.again"});
    float y = f.y;
    y += reference_line(ctx, flow, f.x, y, f.w) + 18.0f * u;
    const Outcome outcome = flow.result ? outcome_of(*flow.result) : outcome_of(store::StatusLookup{});
    y += outcome_box(ctx, flow, outcome, f.x, y, f.w);
    end_form(ctx, flow.result_scroll, f, y);
    if (f.action) {
        ctx.session.forms.status = {};
        ctx.session.go(ScreenId::StatusLookup);
        return;
    }
    // Back keeps what was typed, so a visitor who looked up the wrong request can correct it.
    if (f.back) ctx.session.go(ScreenId::StatusLookup);
}

}  // namespace kiosk::screens
