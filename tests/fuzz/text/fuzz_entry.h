// The text engine's fuzz entry point, shared by the libFuzzer target (KIOSK_FUZZ=ON, clang)
// and by a GoogleTest that runs it on pseudo-random inputs in every ordinary build.
#pragma once

#include <cstddef>
#include <cstdint>

namespace ui::text::fuzz {

// Six header bytes choose width, direction, alignment, max_lines, size and flags; the rest
// is the text, arbitrary bytes taken as UTF-8. Traps on any broken invariant.
int one_input(const std::uint8_t* data, std::size_t size);

}  // namespace ui::text::fuzz
