// kiosk/domain/signature.h — the strokes a visitor drew on the signature pad.
// For: holding them (in the pad's own coordinates) and telling a deliberate signature from
// an empty pad or an accidental touch. Not for: drawing (ui/widgets) or storage encoding.
#pragma once

#include <string_view>
#include <vector>

namespace kiosk::domain {

struct Point {
    float x = 0;
    float y = 0;
    bool operator==(const Point&) const = default;
};

using Stroke = std::vector<Point>;

struct Signature {
    float width = 0;  // size of the pad the strokes were drawn on, same units as the points
    float height = 0;
    std::vector<Stroke> strokes;
    bool operator==(const Signature&) const = default;
};

inline constexpr std::size_t kSignatureMaxPoints = 20000;
// Thresholds, as fractions of the pad: ink shorter than a quarter of the pad's width, or a
// drawing smaller than a tenth of it both ways, is a touch, not a signature.
inline constexpr float kSignatureMinInk = 0.25f;
inline constexpr float kSignatureMinExtent = 0.10f;

// Empty when the signature is acceptable; otherwise signature_required (nothing drawn),
// signature_too_small (a dot, a tiny scribble) or signature_invalid (not a number, no pad).
std::string_view check_signature(const Signature& signature);

// The same strokes, empty strokes dropped and points clamped to the pad (a finger sliding
// off the edge keeps drawing there).
Signature normalised(const Signature& signature);

}  // namespace kiosk::domain
