// kiosk/session/session.h — one visit: which screen is shown, what the visitor chose and
// typed in each flow, and staff mode's state. Plain data the screens read and change and the
// app owns; wiping a visit is `session = Session{}`. Not here: drawing (kiosk/screens,
// kiosk/staff) or storage (the app performs what screens ask for, kiosk/app.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/domain/records.h"
#include "kiosk/session/staff_flow.h"
#include "kiosk/store/types.h"
#include "ui/i18n/strings.h"
#include "ui/widgets/focus.h"
#include "ui/widgets/scroll.h"

namespace kiosk::session {

enum class ScreenId {
    Home,
    RequestNeed,
    RequestData,
    RequestReview,
    RequestSign,
    RequestDone,
    FeedbackForm,
    FeedbackDone,
    VolunteerForm,
    VolunteerDone,
    RateForm,
    RateDone,
    StatusLookup,
    StatusResult,
    About,
    StaffPin,
    StaffQueue,
    StaffDashboard,
    StaffSettings,
};

std::string_view screen_name(ScreenId id);  // the contract's id: "home", "request.need", …
bool is_staff_screen(ScreenId id);

// ---- the state of each flow, kept until the visitor finishes or the kiosk goes idle -----
struct RatingFlow {
    domain::RatingForm form;
    std::string comment;
    std::string error_key;  // a calm message when the store failed
    ui::widgets::ScrollState scroll;
};

// A form that is validated field by field and, once committed, gives the visitor a reference.
template <class Form>
struct FormFlow {
    Form form;
    std::vector<domain::FieldError> errors;
    std::string error_key;  // a calm message when the store failed
    std::string reference;  // once committed
    ui::widgets::ScrollState scroll;
};
using FeedbackFlow = FormFlow<domain::FeedbackForm>;
using VolunteerFlow = FormFlow<domain::VolunteerForm>;
using RequestFlow = FormFlow<domain::SupportRequestForm>;

struct StatusFlow {
    std::string reference;
    std::string error_key;
    std::optional<store::StatusLookup> result;
    std::string canonical;  // the reference as the store knows it
    ui::widgets::ScrollState result_scroll;
};

struct Forms {
    RatingFlow rating;
    FeedbackFlow feedback;
    VolunteerFlow volunteer;
    RequestFlow request;
    StatusFlow status;
    StaffFlow staff;  // closed with everything else when the visit is wiped
};

// What the visitor chose and typed during this visit. Reset when the kiosk returns home
// after an idle pause, never while the visitor is still there.
struct Session {
    ScreenId screen = ScreenId::Home;
    ui::i18n::Lang lang = ui::i18n::Lang::Ar;
    bool bigger_text = false;
    bool high_contrast = false;
    bool changed = false;  // something the next frame must show
    ui::widgets::Focus focus;
    Forms forms;
    std::int64_t last_rating_ms = 0;  // a burst of taps on "send" is one rating
    std::string reveal;               // a target to scroll into view this frame
    // A form left half-way with "home": kept a short while, so that a mistaken tap costs the
    // visitor nothing, then wiped (the next visitor must never find it). See screens/home.h.
    struct LeftForm {
        ScreenId screen = ScreenId::Home;  // where "continue" returns to
        double until_ms = 0;
    };
    std::optional<LeftForm> left_form;

    void go(ScreenId next) {
        if (screen != next) {
            changed = true;
            focus.clear();
        }
        screen = next;
    }
};

}  // namespace kiosk::session
