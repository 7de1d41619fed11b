// The request wizard's last step; see request.h. The applicant confirms, in the policy's own
// words, that the data is correct and that they are directly responsible for its correctness,
// and signs. "Send" validates everything once more and commits the request to the store; a
// store failure is said calmly and keeps everything, so the visitor can simply try again.
#include <algorithm>
#include <string>

#include "kiosk/screens/request.h"
#include "kiosk/screens/request_steps.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/signature_pad.h"

namespace kiosk::screens {

using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

// The pad keeps its own point type (ui/ knows nothing of the domain); the form keeps the
// domain's. They hold the same numbers.
ui::widgets::Ink ink_of(const domain::Signature& s) {
    ui::widgets::Ink ink{.width = s.width, .height = s.height, .strokes = {}};
    ink.strokes.reserve(s.strokes.size());
    for (const auto& stroke : s.strokes) {
        auto& out = ink.strokes.emplace_back();
        out.reserve(stroke.size());
        for (const auto& p : stroke) out.push_back({p.x, p.y});
    }
    return ink;
}

domain::Signature signature_of(const ui::widgets::Ink& ink) {
    domain::Signature s{.width = ink.width, .height = ink.height, .strokes = {}};
    s.strokes.reserve(ink.strokes.size());
    for (const auto& stroke : ink.strokes) {
        auto& out = s.strokes.emplace_back();
        out.reserve(stroke.size());
        for (const auto& p : stroke) out.push_back({p.x, p.y});
    }
    return s;
}

// A large tick box and the declaration beside it; the whole row is the touch target.
float declaration(ScreenContext& ctx, RequestFlow& flow, float x, float y, float w) {
    auto& ui = ctx.ui;
    const auto& t = ui.theme();
    const float u = ui.scale();
    const float pad = 22.0f * u;
    const float box = 48.0f * u;
    const float text_w = w - box - 3 * pad;
    const TextOptions text{.role = TextRole::Label, .weight = ui::text::Weight::Bold};
    const float th = ui.measure(ctx.tr("request.declaration"), text_w, text);
    const Rect row{x, y, w, std::max(box, th) + 2 * pad};
    bool& accepted = flow.form.declaration_accepted;
    if (ui.tap_area("request.declaration", row)) {
        accepted = !accepted;
        request::drop_error(flow, "declaration");
        ctx.session.changed = true;
    }
    // A tick box to whoever reads the record (speech, layout checks): chosen or not.
    ui.mark(ui::platform::RecordRole::Chip, accepted ? ui::platform::kRecordSelected : 0);
    const bool error = !field_error(ctx, flow.errors, "declaration").empty();
    ui.fill(row, ui.is_pressed() ? t.surface_pressed : t.surface, 16.0f * u);
    ui.outline(row, accepted ? t.primary : (error ? t.danger : t.border), 16.0f * u,
               accepted || error ? 3.0f * u : 2.0f);
    const Rect tick = ui.rtl() ? Rect{row.right() - pad - box, y + pad, box, box} : Rect{x + pad, y + pad, box, box};
    ui.fill(tick, accepted ? t.primary : t.surface, 10.0f * u);
    ui.outline(tick, accepted ? t.primary : t.text_muted, 10.0f * u, 3.0f * u);
    if (accepted) {
        const float inset = 8.0f * u;
        ui::widgets::draw_icon(ui::widgets::Icon::Check,
                               Rect{tick.x + inset, tick.y + inset, box - 2 * inset, box - 2 * inset}, t.on_primary,
                               false);
    }
    const Rect text_box = ui.rtl() ? Rect{x + pad, y + pad, text_w, th} : Rect{tick.right() + pad, y + pad, text_w, th};
    ui.label(ctx.tr("request.declaration"), text_box, text);
    float h = row.h;
    if (error) {
        h += 8.0f * u;
        h += ui.label(field_error(ctx, flow.errors, "declaration"), Rect{x, y + h, w, 0},
                      TextOptions{.role = TextRole::Body, .colour = t.danger});
    }
    return h;
}

float signature(ScreenContext& ctx, RequestFlow& flow, float x, float y, float w, float viewport_h) {
    auto& ui = ctx.ui;
    const float u = ui.scale();
    float h = ui.label(ctx.tr("request.signature"), Rect{x, y, w, 0},
                       TextOptions{.role = TextRole::Body, .weight = ui::text::Weight::Bold}) +
              6.0f * u;
    const std::string error = field_error(ctx, flow.errors, "signature");
    ui::widgets::Ink ink = ink_of(flow.form.signature);
    // The whole pad and its buttons fit in the visible area, so a signature never has to be
    // drawn in a box half scrolled away.
    const float fits = viewport_h - 100.0f * u;
    const float pad_h = std::max(160.0f * u, std::min(std::clamp(w * 0.32f, 220.0f * u, 380.0f * u), fits));
    const auto pad =
        ui::widgets::signature_pad(ui, "request.signature", ink, x, y + h, w, pad_h,
                                   ui::widgets::SignaturePadOptions{.undo_id = "request.signature_undo",
                                                                    .clear_id = "request.signature_clear",
                                                                    .undo_label = ctx.tr("request.signature_undo"),
                                                                    .clear_label = ctx.tr("request.signature_clear"),
                                                                    .hint = ctx.tr("request.signature_hint"),
                                                                    .error = error});
    if (pad.changed || ink.width != flow.form.signature.width || ink.height != flow.form.signature.height) {
        flow.form.signature = signature_of(ink);
        if (pad.changed) request::drop_error(flow, "signature");
        ctx.session.changed = true;
    }
    return h + pad.height;
}

Action submit(ScreenContext& ctx, RequestFlow& flow) {
    flow.error_key.clear();
    if (const auto wrong = request::check_up_to(flow, request::Step::Sign)) {
        // Errors of this step are shown beside the declaration and the pad; an earlier
        // step's error (not expected after the review) takes the visitor back to it.
        if (*wrong != request::Step::Sign) {
            flow.scroll.reset();
            ctx.session.go(request::screen_of(*wrong));
        }
        ctx.session.changed = true;
        return {};
    }
    auto checked = domain::validate(flow.form);
    if (!checked.ok()) {
        show_form_message(ctx.session, flow.error_key, flow.scroll, "store.error.io");
        return {};
    }
    return Submit{domain::Record{*checked.record}, FormKind::Request};
}

}  // namespace

Action draw_request_sign(ScreenContext& ctx) {
    auto& ui = ctx.ui;
    auto& flow = ctx.session.forms.request;
    const float u = ui.scale();
    FormFrame f = begin_form(ctx, flow.scroll,
                             request::step_spec(request::Step::Sign, "request.sign.title", "request.sign.subtitle"));
    float y = f.y;
    y += form_warning(ctx, flow.error_key, f, y);
    y += declaration(ctx, flow, f.x, y, f.w) + 24.0f * u;
    y += signature(ctx, flow, f.x, y, f.w, f.viewport.h);
    end_form(ctx, flow.scroll, f, y);
    if (f.back) {
        flow.scroll.reset();
        ctx.session.go(ScreenId::RequestReview);
    } else if (f.action) {
        return submit(ctx, flow);
    }
    return {};
}

}  // namespace kiosk::screens
