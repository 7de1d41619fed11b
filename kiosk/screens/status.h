// kiosk/screens/status.h — follow a request by its reference (status.lookup → status.result).
// The reference is read with domain::parse_reference before the store is asked, so a typo is
// told apart from an unknown reference. The result says in plain words where a support
// request, an inquiry, complaint or suggestion, or a volunteer registration is: unknown,
// received here and waiting to be sent, at headquarters, or HQ's review state (DESIGN.md,
// "HQ") — with the date, and HQ's note in the visitor's language (else the other) when there
// is one.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

Action draw_status_lookup(ScreenContext& ctx);
void draw_status_result(ScreenContext& ctx);

}  // namespace kiosk::screens
