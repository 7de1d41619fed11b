// ui/widgets/qr.h — a QR code (qrcodegen) drawn as dark modules on a light quiet zone.
#pragma once

#include <string_view>

#include "ui/widgets/ui.h"

namespace ui::widgets {

// Draws `payload` as a QR code filling the square inside `box`; returns false when the
// payload is too long to encode (nothing is drawn then).
bool draw_qr(std::string_view payload, const Rect& box);

}  // namespace ui::widgets
