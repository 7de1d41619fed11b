// libFuzzer target for ui/text (built only with KIOSK_FUZZ=ON and clang).
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/text/fuzz_entry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return ui::text::fuzz::one_input(data, size);
}
