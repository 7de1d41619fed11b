// kiosk/screens/about.h — about the association: who it is, its services, how to reach it
// (the channels of its beneficiary-relations policy), with QR codes for web and e-mail.
#pragma once

#include "kiosk/screens/screen.h"
#include "kiosk/session/content.h"

namespace kiosk::screens {

void draw_about(ScreenContext& ctx, const Content& content);

}  // namespace kiosk::screens
