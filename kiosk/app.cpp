// The kiosk application; see app.h.
#include "kiosk/app.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "kiosk/screens/about.h"
#include "kiosk/screens/feedback.h"
#include "kiosk/screens/home.h"
#include "kiosk/screens/idle.h"
#include "kiosk/screens/rate.h"
#include "kiosk/screens/request.h"
#include "kiosk/screens/status.h"
#include "kiosk/screens/volunteer.h"
#include "kiosk/staff/export_job.h"
#include "kiosk/staff/settings_store.h"
#include "kiosk/staff/staff.h"
#include "ui/widgets/ui.h"

namespace kiosk {

KioskApp::KioskApp(ui::text::Engine& text, ui::i18n::Strings strings, session::Content content, AppConfig config,
                   store::Store* store)
    : text_(text), strings_(std::move(strings)), content_(std::move(content)), config_(config), store_(store) {
    apply_staff_settings();
    session_.lang = config_.default_lang;
    session_.bigger_text = config_.bigger_text;
    session_.high_contrast = config_.high_contrast;
    strings_.set_lang(session_.lang);
}

void KioskApp::frame(const ui::platform::Frame& frame) {
    last_now_ms_ = frame.now_ms;
    last_wall_ms_ = frame.wall_ms;
    pointer_down_ = frame.input->pointer_down;
    session_.focus.take_host_input(*frame.input);
    const auto screen_before = session_.screen;
    session_.changed = false;
    screens::expire_left_form(session_, frame.now_ms);
    strings_.set_lang(session_.lang);

    ui::widgets::Theme theme =
        session_.high_contrast ? ui::widgets::Theme::high_contrast() : ui::widgets::Theme::standard();
    theme.text_scale = session_.bigger_text ? 1.25f : 1.0f;
    ui::widgets::Ui ui(text_, frame, theme, ui::i18n::is_rtl(session_.lang), config_.digits);
    screens::ScreenContext ctx{ui, strings_, session_, content_, config_.utc_offset_minutes};
    if (session::is_staff_screen(session_.screen)) refresh_staff(frame.now_ms, false);
    ui.set_reveal(session_.reveal);
    const std::string reveal = std::move(session_.reveal);
    session_.reveal.clear();

    ui.begin();
    screens::Action action = draw_screen(ctx);
    ui.end();
    perform(action);
    watch_idle(frame, ctx);
    shown_ = screen_before;

    holding_ = ImGui::IsMouseDown(ImGuiMouseButton_Left) && ImGui::IsAnyItemActive();
    animating_ = session_.changed && !frame.input->pointer_down;
    // An export that ended says so on the queue tab (even if staff were elsewhere meanwhile).
    if (staff_services_.export_job && staff::collect_export(*staff_services_.export_job, session_.forms.staff)) {
        session_.changed = true;
        if (session::is_staff_screen(session_.screen)) refresh_staff(frame.now_ms, true);
    }
    wants_frame_ = session_.changed || ui.tapped_any() || session_.screen != screen_before || !reveal.empty() ||
                   !session_.focus.pending.empty() || session_.focus.reveal_frames > 0;
}

bool KioskApp::wait_until_synced(double seconds) {
    if (sync_) return sync_->wait_until_empty(std::chrono::seconds(static_cast<long>(std::ceil(seconds))));
    // Without a sync worker nothing leaves the kiosk: synced only when nothing is queued.
    if (!store_) return false;
    auto counts = store_->counts();
    if (!counts) return false;
    for (const auto& c : *counts)
        if (c.state == store::OutboxState::queued && c.count > 0) return false;
    return true;
}

void KioskApp::finish_background_work() {
    if (staff_services_.export_job) staff_services_.export_job->wait();
}

void KioskApp::set_staff_services(staff::StaffServices services) {
    staff_services_ = std::move(services);
    apply_staff_settings();
}

void KioskApp::apply_staff_settings() {
    const staff::KioskSettings base{.arabic_digits = config_.digits == ui::text::Digits::ArabicIndic,
                                    .idle_seconds = static_cast<int>(config_.idle_seconds),
                                    .english_default = config_.default_lang == ui::i18n::Lang::En,
                                    .bigger_text = config_.bigger_text,
                                    .high_contrast = config_.high_contrast};
    use_settings(store_ ? staff::load_settings(*store_, base) : base);
}

void KioskApp::use_settings(const staff::KioskSettings& s) {
    config_.digits = s.arabic_digits ? ui::text::Digits::ArabicIndic : ui::text::Digits::Western;
    config_.idle_seconds = s.idle_seconds;
    config_.default_lang = s.english_default ? ui::i18n::Lang::En : ui::i18n::Lang::Ar;
    config_.bigger_text = s.bigger_text;
    config_.high_contrast = s.high_contrast;
    staff_services_.settings = s;
}

void KioskApp::wipe_visit() {
    // Everything the visitor typed or chose leaves memory; the next visitor starts afresh.
    const auto last_rating = session_.last_rating_ms;
    session_ = screens::Session{};
    session_.lang = config_.default_lang;
    session_.bigger_text = config_.bigger_text;
    session_.high_contrast = config_.high_contrast;
    session_.last_rating_ms = last_rating;
    session_.changed = true;
    idle_warning_ = false;
}

void KioskApp::watch_idle(const ui::platform::Frame& frame, screens::ScreenContext& ctx) {
    const auto& in = *frame.input;
    if (in.pointer_down != pointer_was_down_ || !in.text.empty() || !in.keys.empty()) last_input_ms_ = frame.now_ms;
    pointer_was_down_ = in.pointer_down;
    const double idle = frame.now_ms - last_input_ms_;
    const double pause = screens::idle_pause_ms(session_.screen, config_.idle_seconds);
    if (session_.screen == screens::ScreenId::Home) {
        // Home holds nothing typed: after a pause it quietly returns to the default settings.
        const bool customised = session_.lang != config_.default_lang || session_.bigger_text != config_.bigger_text ||
                                session_.high_contrast != config_.high_contrast;
        if (customised && idle >= pause) wipe_visit();
        idle_warning_ = false;
        return;
    }
    idle_warning_ = idle >= pause;
    if (!idle_warning_) return;
    const double left = pause + screens::kIdleWarningMs - idle;
    if (left <= 0.0) {
        wipe_visit();
        return;
    }
    const auto choice = screens::draw_idle_warning(ctx, static_cast<int>(std::ceil(left / 1000.0)));
    if (choice.more_time) {
        last_input_ms_ = frame.now_ms;
        session_.changed = true;
    }
    if (choice.finish) wipe_visit();
}

screens::Action KioskApp::draw_screen(screens::ScreenContext& ctx) {
    using screens::ScreenId;
    switch (session_.screen) {
    case ScreenId::Home: screens::draw_home(ctx); return {};
    case ScreenId::About: screens::draw_about(ctx, content_); return {};
    case ScreenId::RateForm: return screens::draw_rate_form(ctx);
    case ScreenId::RateDone: screens::draw_rate_done(ctx); return {};
    case ScreenId::RequestNeed: screens::draw_request_need(ctx); return {};
    case ScreenId::RequestData: screens::draw_request_data(ctx); return {};
    case ScreenId::RequestReview: screens::draw_request_review(ctx); return {};
    case ScreenId::RequestSign: return screens::draw_request_sign(ctx);
    case ScreenId::RequestDone: screens::draw_request_done(ctx); return {};
    case ScreenId::FeedbackForm: return screens::draw_feedback_form(ctx);
    case ScreenId::FeedbackDone: screens::draw_feedback_done(ctx); return {};
    case ScreenId::VolunteerForm: return screens::draw_volunteer_form(ctx);
    case ScreenId::VolunteerDone: screens::draw_volunteer_done(ctx); return {};
    case ScreenId::StatusLookup: return screens::draw_status_lookup(ctx);
    case ScreenId::StatusResult: screens::draw_status_result(ctx); return {};
    case ScreenId::StaffPin: return staff::draw_staff_pin(ctx);
    case ScreenId::StaffQueue: return staff::draw_staff_queue(ctx, staff_services_);
    case ScreenId::StaffDashboard: return staff::draw_staff_dashboard(ctx);
    case ScreenId::StaffSettings: return staff::draw_staff_settings(ctx, staff_services_);
    default: break;
    }
    // A flow this build does not offer has no tile; reaching it is a bug, and home is safe.
    session_.go(ScreenId::Home);
    screens::draw_home(ctx);
    return {};
}

double KioskApp::next_wakeup_ms(double now_ms) const {
    // While a finger rests on a hold target its progress ring moves; otherwise only the
    // clock changes, once a minute.
    if (holding_ || animating_) return now_ms + 16.0;
    // An export's progress bar moves while it runs.
    if (staff_services_.export_job && staff_services_.export_job->running()) return now_ms + 100.0;
    const std::int64_t wall_now = last_wall_ms_ + static_cast<std::int64_t>(now_ms - last_now_ms_);
    const std::int64_t to_next_minute = 60000 - (wall_now % 60000);
    double wake = now_ms + static_cast<double>(to_next_minute);
    // The idle warning counts whole seconds; before it, the moment it is due.
    const double due = last_input_ms_ + screens::idle_pause_ms(session_.screen, config_.idle_seconds);
    if (idle_warning_) wake = std::min(wake, now_ms + 1000.0 - std::fmod(now_ms - due, 1000.0));
    else if (due > now_ms) wake = std::min(wake, due);
    // A form left half-way disappears from home when its time is up.
    // A form left half-way counts down its seconds on home, then disappears.
    if (session_.left_form) {
        const double rest = std::fmod(std::max(0.0, session_.left_form->until_ms - now_ms), 1000.0);
        wake = std::min(wake, now_ms + (rest > 0.0 ? rest : 1000.0));
        wake = std::min(wake, std::max(now_ms, session_.left_form->until_ms));
    }
    // A locked PIN pad counts down its seconds, then opens again.
    if (session_.screen == screens::ScreenId::StaffPin) {
        const auto& staff = session_.forms.staff;
        const std::int64_t left = std::max(staff.pin_locked_until_ms, staff.snapshot.pin_locked_until_ms) - wall_now;
        if (left > 0) wake = std::min(wake, now_ms + static_cast<double>(left % 1000 == 0 ? 1000 : left % 1000));
    }
    return wake;
}

}  // namespace kiosk
