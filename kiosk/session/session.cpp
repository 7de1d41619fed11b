// Screen ids as DESIGN.md's contracts name them; see session.h.
#include "kiosk/session/session.h"

namespace kiosk::session {

std::string_view screen_name(ScreenId id) {
    switch (id) {
    case ScreenId::Home: return "home";
    case ScreenId::RequestNeed: return "request.need";
    case ScreenId::RequestData: return "request.data";
    case ScreenId::RequestReview: return "request.review";
    case ScreenId::RequestSign: return "request.sign";
    case ScreenId::RequestDone: return "request.done";
    case ScreenId::FeedbackForm: return "feedback.form";
    case ScreenId::FeedbackDone: return "feedback.done";
    case ScreenId::VolunteerForm: return "volunteer.form";
    case ScreenId::VolunteerDone: return "volunteer.done";
    case ScreenId::RateForm: return "rate.form";
    case ScreenId::RateDone: return "rate.done";
    case ScreenId::StatusLookup: return "status.lookup";
    case ScreenId::StatusResult: return "status.result";
    case ScreenId::About: return "about";
    case ScreenId::StaffPin: return "staff.pin";
    case ScreenId::StaffQueue: return "staff.queue";
    case ScreenId::StaffDashboard: return "staff.dashboard";
    case ScreenId::StaffSettings: return "staff.settings";
    }
    return "home";
}

bool is_staff_screen(ScreenId id) {
    return id == ScreenId::StaffPin || id == ScreenId::StaffQueue || id == ScreenId::StaffDashboard ||
           id == ScreenId::StaffSettings;
}

}  // namespace kiosk::session
