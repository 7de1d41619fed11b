// kiosk/screens/request.h — the support request wizard (طلب دعم مستفيد), the kiosk's main
// form: request.need → request.data → request.review → request.sign → request.done.
//
// All state is Session::forms.request; going back and forth between steps keeps it. The whole
// form is validated with the domain's rules, and each error is shown on the step that owns the
// field. Nothing is stored before the visitor has signed and sent; once the store has committed
// the request, the form is wiped and only the reference stays for the confirmation.
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

void draw_request_need(ScreenContext& ctx);
void draw_request_data(ScreenContext& ctx);
void draw_request_review(ScreenContext& ctx);
Action draw_request_sign(ScreenContext& ctx);
void draw_request_done(ScreenContext& ctx);

}  // namespace kiosk::screens
