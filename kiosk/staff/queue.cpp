// staff.queue: what is waiting to leave the kiosk and how syncing goes, "sync now" (on a kiosk
// linked to HQ), and the export to a removable drive (export_panel.cpp). Shows kinds, references, times and HQ's
// reasons — never a name, a number or anything else a visitor typed.
#include <array>
#include <chrono>
#include <string>
#include <vector>

#include "kiosk/staff/export_panel.h"
#include "kiosk/staff/page.h"
#include "kiosk/staff/staff.h"

namespace kiosk::staff {

using screens::ScreenContext;
using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

std::string kind_label(const ScreenContext& ctx, domain::RecordKind kind) {
    return std::string(ctx.tr("staff.kind." + std::string(domain::wire_name(kind))));
}

float sync_panel(ScreenContext& ctx, const session::StaffSnapshot& snap, float x, float y, float w) {
    const float y0 = y;
    y += section_title(ctx, "staff.sync.title", x, y, w);
    if (!snap.sync) {
        return y - y0 +
               ctx.ui.label(ctx.tr("staff.sync.not_provisioned"), Rect{x, y, w, 0},
                            TextOptions{.role = TextRole::Label, .colour = ctx.ui.theme().text_muted}) +
               20.0f * ctx.ui.scale();
    }
    const auto& state = *snap.sync;
    y += figure_row(ctx, ctx.tr("staff.sync.connection"),
                    ctx.tr(state.online ? "staff.sync.online" : "staff.sync.offline"), x, y, w);
    std::string last = std::string(ctx.tr("staff.sync.never"));
    if (state.last_success_ms) last = local_time(ctx, *state.last_success_ms);
    y += figure_row(ctx, ctx.tr("staff.sync.last_success"), last, x, y, w);
    y += figure_row(ctx, ctx.tr("staff.sync.last_error"), ctx.tr(state.error_key), x, y, w);
    y += figure_row(ctx, ctx.tr("staff.sync.delivered"), std::to_string(state.delivered), x, y, w);
    return y - y0 + 16.0f * ctx.ui.scale();
}

// Counts are shown as digits only; the text engine applies the digit setting.
std::string number(const ScreenContext&, std::int64_t n) { return std::to_string(n); }

// Kinds down, states across: queued, sent (with HQ's "duplicate", which also means delivered), rejected.
float counts_table(ScreenContext& ctx, const std::vector<store::StateCount>& counts, float x, float y, float w) {
    const float y0 = y;
    y += section_title(ctx, "staff.counts.title", x, y, w);
    constexpr std::array<float, 4> shares = {0.4f, 0.2f, 0.2f, 0.2f};
    const std::array<std::string, 4> header = {
        std::string(ctx.tr("staff.counts.kind")), std::string(ctx.tr("staff.state.queued")),
        std::string(ctx.tr("staff.state.sent")), std::string(ctx.tr("staff.state.rejected"))};
    y += table_row(ctx, header, shares, x, y, w, true);
    for (auto kind : {domain::RecordKind::support_request, domain::RecordKind::feedback, domain::RecordKind::volunteer,
                      domain::RecordKind::rating}) {
        std::array<std::int64_t, 3> n{};
        for (const auto& c : counts) {
            if (c.kind != kind) continue;
            const std::size_t col = c.state == store::OutboxState::queued     ? 0
                                    : c.state == store::OutboxState::rejected ? 2
                                                                              : 1;
            n[col] += c.count;
        }
        const std::array<std::string, 4> row = {kind_label(ctx, kind), number(ctx, n[0]), number(ctx, n[1]),
                                                number(ctx, n[2])};
        y += table_row(ctx, row, shares, x, y, w);
    }
    return y - y0 + 24.0f * ctx.ui.scale();
}

float entry_list(ScreenContext& ctx, const std::vector<store::OutboxEntry>& entries, store::OutboxState state,
                 std::string_view title_key, float x, float y, float w) {
    const float y0 = y;
    y += section_title(ctx, title_key, x, y, w);
    if (entries.empty())
        return y - y0 +
               ctx.ui.label(ctx.tr("staff.list.empty"), Rect{x, y, w, 0},
                            TextOptions{.role = TextRole::Body, .colour = ctx.ui.theme().text_muted}) +
               24.0f * ctx.ui.scale();
    const bool rejected = state == store::OutboxState::rejected;
    const std::array<float, 4> shares =
        rejected ? std::array<float, 4>{0.22f, 0.18f, 0.22f, 0.38f} : std::array<float, 4>{0.36f, 0.28f, 0.36f, 0.0f};
    const std::array<std::string, 4> header = {
        std::string(ctx.tr("staff.list.kind")), std::string(ctx.tr("staff.list.reference")),
        std::string(ctx.tr("staff.list.time")), std::string(ctx.tr("staff.list.reason"))};
    y += table_row(ctx, header, std::span(shares).first(rejected ? 4 : 3), x, y, w, true);
    for (const auto& e : entries) {
        const std::array<std::string, 4> row = {
            kind_label(ctx, e.kind), e.reference.empty() ? std::string(ctx.tr("staff.list.no_reference")) : e.reference,
            local_time(ctx, e.created_ms), e.reason};
        y += table_row(ctx, row, std::span(shares).first(rejected ? 4 : 3), x, y, w);
    }
    return y - y0 + 24.0f * ctx.ui.scale();
}

}  // namespace

screens::Action draw_staff_queue(ScreenContext& ctx, const StaffServices& services) {
    auto& flow = ctx.session.forms.staff;
    const auto& snap = flow.snapshot;
    // "Sync now" only where there is something to sync with; otherwise the sync panel says why not.
    const bool linked = snap.sync.has_value();
    screens::FormFrame f = begin_page(ctx, PageSpec{.tab = screens::ScreenId::StaffQueue,
                                                    .title_key = "staff.queue.title",
                                                    .action_id = linked ? "staff.sync_now" : "",
                                                    .action_key = "staff.sync_now"});
    float y = f.y;
    y += draw_message(ctx, flow.queue_message, f.x, y, f.w);
    y += sync_panel(ctx, snap, f.x, y, f.w);
    screens::Action action;
    if (snap.store_ok) {
        y += counts_table(ctx, snap.counts, f.x, y, f.w);
        y += export_panel(ctx, services, action, f.x, y, f.w);
        y += entry_list(ctx, snap.queued, store::OutboxState::queued, "staff.list.queued", f.x, y, f.w);
        y += entry_list(ctx, snap.rejected, store::OutboxState::rejected, "staff.list.rejected", f.x, y, f.w);
    } else {
        y += draw_message(ctx, StaffMessage{"staff.store_error"}, f.x, y, f.w);
    }
    end_page(ctx, f, y);
    if (f.action && linked) return screens::SyncNow{};
    return action;
}

void queue_action_done(screens::Session& session, StaffMessage message, bool to_top) {
    auto& flow = session.forms.staff;
    if (to_top && !message.key.empty()) flow.scroll.offset = 0.0f;
    flow.queue_message = std::move(message);
    session.changed = true;
}

}  // namespace kiosk::staff
