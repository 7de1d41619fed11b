// libFuzzer target over every validator (built only with KIOSK_FUZZ=ON and clang):
//   build-fuzz/bin/fuzz_validation -max_total_time=60 tests/fuzz/validation/corpus
#include <cstdio>
#include <cstdlib>

#include "validation_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string broken = kiosk::domain::fuzz::check_validation(data, size);
    if (!broken.empty()) {
        std::fprintf(stderr, "invariant broken: %s\n", broken.c_str());
        std::abort();
    }
    return 0;
}
