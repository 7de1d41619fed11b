// kiosk/screens/rate.h — rate the service (rate.form → rate.done). Anonymous by design: the
// rating is never linked to a request or a name. One tap on a face and one on "send" is a
// complete rating; aspects, service, counter and a comment are optional.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

Action draw_rate_form(ScreenContext& ctx);
void draw_rate_done(ScreenContext& ctx);

// Ratings closer together than this from one kiosk are one visitor's repeated taps.
inline constexpr std::int64_t kRatingBurstMs = 20000;

}  // namespace kiosk::screens
