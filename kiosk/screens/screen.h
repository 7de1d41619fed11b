// kiosk/screens/screen.h — what every screen function receives.
//
// A screen is `Action draw_x(ScreenContext&)`: it reads and changes the visit's explicit state
// (the Session and its flows, kiosk/session), draws through the Ui, navigates with
// Session::go() and returns what the visitor asked for that needs the world outside the
// screen (action.h). No screen keeps hidden state of its own between frames, so wiping a visit
// is `session = {}`; no screen sees the store or the sync worker.
#pragma once

#include <string_view>

#include "kiosk/screens/action.h"
#include "kiosk/session/content.h"
#include "kiosk/session/session.h"
#include "ui/i18n/strings.h"
#include "ui/widgets/ui.h"

namespace kiosk::screens {

using session::AboutText;
using session::Content;
using session::FeedbackFlow;
using session::FormFlow;
using session::Forms;
using session::RatingFlow;
using session::RequestFlow;
using session::screen_name;
using session::ScreenId;
using session::Session;
using session::StatusFlow;
using session::VolunteerFlow;

struct ScreenContext {
    ui::widgets::Ui& ui;
    const ui::i18n::Strings& strings;
    Session& session;
    const Content& content;
    int utc_offset_minutes = 180;

    std::string_view tr(std::string_view key) const { return strings(key); }
};

}  // namespace kiosk::screens
