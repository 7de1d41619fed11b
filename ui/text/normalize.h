// Stage 1 of the pipeline: the caller's UTF-8 becomes the text the other stages see
// (invalid bytes → U+FFFD, ASCII digits → Arabic-Indic when asked, NFC), with a map from
// every byte of that text back to the caller's byte offsets, so clusters, carets and hit
// tests speak in the caller's indices.
//
// Not for: removing anything. Layout shows what it is given; sanitize_input() (text.h) is
// what strips bidi controls from visitor input before it is stored.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ui/text/text.h"

namespace ui::text {

struct DisplayText {
    std::string text;
    std::vector<std::uint32_t> to_source;  // text.size() + 1 entries, non-decreasing
};

void prepare_display_text(std::string_view source, Digits digits, DisplayText& out);

// NFC of valid UTF-8 (returns the input unchanged when it already is NFC).
std::string to_nfc(std::string_view utf8);

// Bidi formatting characters (LRM, RLM, ALM, embeddings, overrides, isolates).
bool is_bidi_control(char32_t cp);

}  // namespace ui::text
