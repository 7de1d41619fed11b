// kiosk/screens/feedback.h — an inquiry, a complaint or a suggestion (feedback.form →
// feedback.done). The visitor picks the kind and writes the text; a name and a mobile number
// are optional and asked only so the association can reply. The confirmation gives a
// reference and says what happens next for that kind.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

Action draw_feedback_form(ScreenContext& ctx);
void draw_feedback_done(ScreenContext& ctx);

}  // namespace kiosk::screens
