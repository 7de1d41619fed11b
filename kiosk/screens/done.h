// kiosk/screens/done.h — the confirmation every flow ends on: a check mark, what happens
// next, and (for what a visitor may follow up) the reference, large and as a QR code, with
// how to look it up. Returns home from a button with the given target id.
#pragma once

#include <string_view>

#include "kiosk/screens/screen.h"

namespace kiosk::screens {

struct DoneSpec {
    std::string_view title_key;
    std::string_view detail_key;  // what happens next, in plain words
    std::string_view reference;   // empty: no reference (ratings)
    std::string_view home_id;     // e.g. "request.home"
    bool offer_rating = true;     // not after the visitor has just rated
};

void draw_done(ScreenContext& ctx, const DoneSpec& spec);

}  // namespace kiosk::screens
