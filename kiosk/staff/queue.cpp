// staff.queue: what is waiting to leave the kiosk and how syncing goes, "sync now", and the
// export to a removable drive (export_panel.cpp). Shows kinds, references, times and HQ's
// reasons — never a name, a number or anything else a visitor typed.
#include <array>
#include <chrono>
#include <string>
#include <vector>

#include "kiosk/staff/export_panel.h"
#include "kiosk/staff/page.h"
#include "kiosk/staff/staff.h"
#include "sync/client/client.h"

namespace kiosk::staff {

using screens::ScreenContext;
using ui::widgets::Rect;
using ui::widgets::TextOptions;
using ui::widgets::TextRole;

namespace {

constexpr std::size_t kListLimit = 50;

std::string kind_label(const ScreenContext& ctx, domain::RecordKind kind) {
    return std::string(ctx.tr("staff.kind." + std::string(domain::wire_name(kind))));
}

float sync_panel(ScreenContext& ctx, float x, float y, float w) {
    const float y0 = y;
    y += section_title(ctx, "staff.sync.title", x, y, w);
    if (!ctx.sync) {
        return y - y0 +
               ctx.ui.label(ctx.tr("staff.sync.not_provisioned"), Rect{x, y, w, 0},
                            TextOptions{.role = TextRole::Label, .colour = ctx.ui.theme().text_muted}) +
               20.0f * ctx.ui.scale();
    }
    const auto state = ctx.sync->state();
    y += figure_row(ctx, ctx.tr("staff.sync.connection"),
                    ctx.tr(state.online ? "staff.sync.online" : "staff.sync.offline"), x, y, w);
    std::string last = std::string(ctx.tr("staff.sync.never"));
    if (state.last_success) {
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(state.last_success->time_since_epoch()).count();
        last = local_time(ctx, ms);
    }
    y += figure_row(ctx, ctx.tr("staff.sync.last_success"), last, x, y, w);
    const std::string error_key = "sync.error." + std::string(kiosk_sync::client::to_string(state.last_error));
    y += figure_row(ctx, ctx.tr("staff.sync.last_error"), ctx.tr(error_key), x, y, w);
    y += figure_row(ctx, ctx.tr("staff.sync.delivered"), std::to_string(state.delivered), x, y, w);
    return y - y0 + 16.0f * ctx.ui.scale();
}

// Counts are shown as digits only; the text engine applies the digit setting.
std::string number(const ScreenContext&, std::int64_t n) { return std::to_string(n); }

// Kinds down, states across: queued, sent (with HQ's "duplicate", which also means delivered), rejected.
float counts_table(ScreenContext& ctx, float x, float y, float w) {
    const float y0 = y;
    y += section_title(ctx, "staff.counts.title", x, y, w);
    auto counts = ctx.store->counts();
    if (!counts) return y - y0 + draw_message(ctx, StaffMessage{"staff.store_error"}, x, y, w);
    constexpr std::array<float, 4> shares = {0.4f, 0.2f, 0.2f, 0.2f};
    const std::array<std::string, 4> header = {
        std::string(ctx.tr("staff.counts.kind")), std::string(ctx.tr("staff.state.queued")),
        std::string(ctx.tr("staff.state.sent")), std::string(ctx.tr("staff.state.rejected"))};
    y += table_row(ctx, header, shares, x, y, w, true);
    for (auto kind : {domain::RecordKind::support_request, domain::RecordKind::feedback, domain::RecordKind::volunteer,
                      domain::RecordKind::rating}) {
        std::array<std::int64_t, 3> n{};
        for (const auto& c : *counts) {
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

float entry_list(ScreenContext& ctx, store::OutboxState state, std::string_view title_key, float x, float y, float w) {
    const float y0 = y;
    y += section_title(ctx, title_key, x, y, w);
    auto entries = ctx.store->list_outbox(state, kListLimit);
    if (!entries) return y - y0 + draw_message(ctx, StaffMessage{"staff.store_error"}, x, y, w);
    if (entries->empty())
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
    for (const auto& e : *entries) {
        const std::array<std::string, 4> row = {
            kind_label(ctx, e.kind), e.reference.empty() ? std::string(ctx.tr("staff.list.no_reference")) : e.reference,
            local_time(ctx, e.created_ms), e.reason};
        y += table_row(ctx, row, std::span(shares).first(rejected ? 4 : 3), x, y, w);
    }
    return y - y0 + 24.0f * ctx.ui.scale();
}

}  // namespace

void draw_staff_queue(ScreenContext& ctx) {
    auto& flow = ctx.session.forms.staff;
    screens::FormFrame f = begin_page(ctx, PageSpec{.tab = screens::ScreenId::StaffQueue,
                                                    .title_key = "staff.queue.title",
                                                    .action_id = "staff.sync_now",
                                                    .action_key = "staff.sync_now"});
    float y = f.y;
    y += draw_message(ctx, flow.queue_message, f.x, y, f.w);
    y += sync_panel(ctx, f.x, y, f.w);
    if (ctx.store) {
        y += counts_table(ctx, f.x, y, f.w);
        y += export_panel(ctx, f.x, y, f.w);
        y += entry_list(ctx, store::OutboxState::queued, "staff.list.queued", f.x, y, f.w);
        y += entry_list(ctx, store::OutboxState::rejected, "staff.list.rejected", f.x, y, f.w);
    } else {
        y += draw_message(ctx, StaffMessage{"staff.store_error"}, f.x, y, f.w);
    }
    end_page(ctx, f, y);
    if (f.action) {
        if (ctx.sync) {
            ctx.sync->wake();
            flow.queue_message = StaffMessage{.key = "staff.sync.woken", .good = true};
        } else {
            flow.queue_message = StaffMessage{"staff.sync.not_provisioned"};
        }
        ctx.session.changed = true;
    }
}

}  // namespace kiosk::staff
