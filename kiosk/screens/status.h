// kiosk/screens/status.h — follow a request by its reference (status.lookup → status.result).
// The reference is read with domain::parse_reference before the store is asked, so a typo is
// told apart from an unknown reference. The result says in plain words where the request is:
// unknown, received here and waiting to be sent, at headquarters waiting for the committee,
// in review, accepted or not accepted — with HQ's note and the date when there is one.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

Action draw_status_lookup(ScreenContext& ctx);
void draw_status_result(ScreenContext& ctx);

}  // namespace kiosk::screens
