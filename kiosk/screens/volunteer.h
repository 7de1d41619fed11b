// kiosk/screens/volunteer.h — volunteer registration (volunteer.form → volunteer.done): name,
// mobile, skills (chips and/or the visitor's own words) and the times that suit them. The
// confirmation gives a reference and says the volunteering team will call.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

Action draw_volunteer_form(ScreenContext& ctx);
void draw_volunteer_done(ScreenContext& ctx);

}  // namespace kiosk::screens
