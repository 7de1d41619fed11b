// The one place where what a screen asked for meets the world outside the screens: the store,
// the sync worker, the export to a drive. See app.h and screens/action.h. Each act() performs
// one kind of action and hands the outcome back to the screen's state (screens/outcomes.h,
// staff/staff.h); none of them draws.
#include <chrono>
#include <variant>

#include "kiosk/app.h"
#include "kiosk/screens/outcomes.h"
#include "kiosk/staff/dashboard_data.h"
#include "kiosk/staff/export_job.h"
#include "kiosk/staff/pin.h"
#include "kiosk/staff/settings_store.h"
#include "kiosk/staff/staff.h"

namespace kiosk {

namespace {

constexpr std::size_t kStaffListLimit = 50;  // entries of each list on the queue tab
constexpr double kStaffRefreshMs = 30000.0;  // figures on an open tab are never older

session::SyncFigures sync_figures(const kiosk_sync::client::SyncState& state) {
    session::SyncFigures f;
    f.online = state.online;
    if (state.last_success)
        f.last_success_ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(state.last_success->time_since_epoch()).count();
    f.error_key = "sync.error." + std::string(kiosk_sync::client::to_string(state.last_error));
    f.delivered = state.delivered;
    return f;
}

}  // namespace

void KioskApp::perform(screens::Action& action) {
    std::visit([this](auto& a) { act(a); }, action);
}

void KioskApp::act(screens::Submit& submit) {
    if (!store_) return screens::record_not_committed(session_, submit.form, "store.error.io");
    auto receipt = store_->submit(submit.record);
    if (!receipt) return screens::record_not_committed(session_, submit.form, store::message_key(receipt.error().kind));
    screens::record_committed(session_, submit.form, receipt->reference, last_wall_ms_);
    // What a visitor entrusted to the kiosk leaves for HQ at once when it can.
    if (sync_) sync_->wake();
}

void KioskApp::act(screens::LookUp& look_up) {
    if (!store_) return screens::status_not_read(session_, "store.error.io");
    auto found = store_->lookup(look_up.reference);
    if (!found) return screens::status_not_read(session_, store::message_key(found.error().kind));
    screens::status_found(session_, std::move(look_up.reference), std::move(*found));
}

void KioskApp::act(screens::TryPin& try_pin) {
    if (!store_) return staff::pin_tried(session_, false, {"staff.pin.store_error"});
    if (!staff::pin_format_ok(try_pin.pin)) {
        const bool set = staff::pin_is_set(*store_);
        return staff::pin_tried(session_, false, {set ? "staff.pin.format" : "staff.pin.not_set"});
    }
    const staff::PinAttempt attempt = staff::try_pin(*store_, try_pin.pin, last_wall_ms_);
    const std::int64_t locked_until =
        attempt.outcome == staff::PinOutcome::locked ? last_wall_ms_ + attempt.wait_ms : 0;
    staff::pin_tried(session_, attempt.outcome == staff::PinOutcome::accepted, staff::message_for(attempt),
                     locked_until);
}

void KioskApp::act(screens::ChangePin& change) {
    session::StaffMessage message;
    if (!store_) {
        message = {"staff.store_error"};
    } else if (!staff::pin_format_ok(change.new_pin)) {
        message = {"staff.pin.format"};
    } else {
        const staff::PinAttempt attempt = staff::try_pin(*store_, change.old_pin, last_wall_ms_);
        if (attempt.outcome != staff::PinOutcome::accepted) message = staff::message_for(attempt);
        else if (!staff::set_pin(*store_, change.new_pin)) message = {"staff.settings.pin_failed"};
        else message = {.key = "staff.settings.pin_changed", .good = true};
    }
    staff::pin_change_done(session_, std::move(message));
}

void KioskApp::act(screens::SaveSettings& save) {
    const bool saved = store_ && staff::save_settings(*store_, save.settings).has_value();
    // Applied from what staff chose, not read back: the store only keeps it for the next start.
    if (saved) use_settings(save.settings);
    staff::settings_save_done(session_, saved);
}

void KioskApp::act(screens::SyncNow&) {
    if (!sync_) return staff::queue_action_done(session_, {"staff.sync.not_provisioned"}, false);
    sync_->wake();
    staff::queue_action_done(session_, {.key = "staff.sync.woken", .good = true}, false);
    refresh_staff(last_now_ms_, true);
}

void KioskApp::act(screens::StartExport& start) {
    auto problem = staff::start_export(&staff_services_, start.dir, last_wall_ms_);
    staff::queue_action_done(session_, problem.value_or(session::StaffMessage{}), true);
}

void KioskApp::act(screens::ExportDashboard& save) {
    // The file holds the figures as they are now, and the tab shows the same.
    refresh_staff(last_now_ms_, true);
    const auto& figures = session_.forms.staff.snapshot.dashboard;
    staff::dashboard_export_done(session_, figures
                                               ? staff::save_dashboard_csv(*figures, save.dir, staff_services_.kiosk_id,
                                                                           last_wall_ms_, config_.utc_offset_minutes)
                                               : session::StaffMessage{"staff.store_error"});
}

void KioskApp::refresh_staff(double now_ms, bool force) {
    auto& flow = session_.forms.staff;
    const auto& snap = flow.snapshot;
    if (!force && snap.taken) {
        // A finger on a list, or a list still gliding: the figures wait, the frame does not.
        if (flow.scroll.moving() || pointer_down_) return;
        const bool opened = session_.screen != shown_;
        const bool sync_moved = sync_ && snap.sync != std::optional(sync_figures(sync_->state()));
        const bool stale = now_ms - snap.taken_ms >= kStaffRefreshMs;
        if (!opened && !sync_moved && !stale) return;
    }
    read_staff_snapshot(now_ms);
}

void KioskApp::read_staff_snapshot(double now_ms) {
    ++staff_reads_;
    session::StaffSnapshot snap;
    snap.taken = true;
    snap.taken_ms = now_ms;
    if (sync_) snap.sync = sync_figures(sync_->state());
    if (store_) {
        snap.pin_set = staff::pin_is_set(*store_);
        snap.pin_locked_until_ms = staff::pin_locked_until(*store_);
        auto counts = store_->counts();
        auto queued = store_->list_outbox(store::OutboxState::queued, kStaffListLimit);
        auto rejected = store_->list_outbox(store::OutboxState::rejected, kStaffListLimit);
        snap.store_ok = counts && queued && rejected;
        if (snap.store_ok) {
            snap.counts = std::move(*counts);
            snap.queued = std::move(*queued);
            snap.rejected = std::move(*rejected);
        }
        if (auto figures = staff::load_dashboard(*store_)) snap.dashboard = std::move(*figures);
    }
    session_.forms.staff.snapshot = std::move(snap);
}

}  // namespace kiosk
