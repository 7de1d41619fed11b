// libFuzzer target over the sync protocol parsers (built only with KIOSK_FUZZ=ON and clang):
//   build-fuzz/bin/fuzz_protocol -max_total_time=60 tests/fuzz/protocol/corpus
#include <cstdio>
#include <cstdlib>

#include "protocol_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string broken = kiosk_sync::fuzz::check_protocol(data, size);
    if (!broken.empty()) {
        std::fprintf(stderr, "invariant broken: %s\n", broken.c_str());
        std::abort();
    }
    return 0;
}
