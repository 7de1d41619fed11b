// Signature plausibility from total ink length and extent; see signature.h.
#include "kiosk/domain/signature.h"

#include <algorithm>
#include <cmath>

#include "kiosk/domain/message_keys.h"

namespace kiosk::domain {
namespace {

bool finite(const Point& p) { return std::isfinite(p.x) && std::isfinite(p.y); }

}  // namespace

std::string_view check_signature(const Signature& signature) {
    const bool nothing_drawn = std::all_of(signature.strokes.begin(), signature.strokes.end(),
                                           [](const Stroke& stroke) { return stroke.empty(); });
    if (nothing_drawn) return keys::signature_required;
    if (!std::isfinite(signature.width) || !std::isfinite(signature.height) || signature.width <= 0 ||
        signature.height <= 0) {
        return keys::signature_invalid;
    }
    const Signature s = normalised(signature);
    std::size_t points = 0;
    double ink = 0;
    float min_x = s.width, min_y = s.height, max_x = 0, max_y = 0;
    for (const Stroke& stroke : signature.strokes) {
        points += stroke.size();
        if (!std::all_of(stroke.begin(), stroke.end(), finite)) return keys::signature_invalid;
    }
    if (points > kSignatureMaxPoints) return keys::signature_invalid;
    if (s.strokes.empty()) return keys::signature_required;
    for (const Stroke& stroke : s.strokes) {
        for (std::size_t i = 0; i < stroke.size(); ++i) {
            min_x = std::min(min_x, stroke[i].x);
            max_x = std::max(max_x, stroke[i].x);
            min_y = std::min(min_y, stroke[i].y);
            max_y = std::max(max_y, stroke[i].y);
            if (i > 0) {
                ink += std::hypot(static_cast<double>(stroke[i].x - stroke[i - 1].x),
                                  static_cast<double>(stroke[i].y - stroke[i - 1].y));
            }
        }
    }
    const bool long_enough = ink >= static_cast<double>(kSignatureMinInk * s.width);
    const bool wide_enough =
        max_x - min_x >= kSignatureMinExtent * s.width || max_y - min_y >= kSignatureMinExtent * s.height;
    return long_enough && wide_enough ? std::string_view{} : keys::signature_too_small;
}

Signature normalised(const Signature& signature) {
    Signature out{signature.width, signature.height, {}};
    for (const Stroke& stroke : signature.strokes) {
        if (stroke.empty()) continue;
        Stroke clamped;
        clamped.reserve(stroke.size());
        for (const Point& p : stroke) {
            if (!finite(p)) continue;
            clamped.push_back({std::clamp(p.x, 0.0f, std::max(0.0f, signature.width)),
                               std::clamp(p.y, 0.0f, std::max(0.0f, signature.height))});
        }
        if (!clamped.empty()) out.strokes.push_back(std::move(clamped));
    }
    return out;
}

}  // namespace kiosk::domain
