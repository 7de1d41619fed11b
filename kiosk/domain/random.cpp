// The system random source: libsodium's randombytes (getrandom(2) on Linux).
#include "kiosk/domain/random.h"

#include <sodium.h>

namespace kiosk::domain {

RandomSource system_random() {
    // sodium_init is idempotent and thread-safe; a failure only means no faster RNG, and
    // randombytes_buf still reads the kernel's generator.
    static const int init = sodium_init();
    (void)init;
    return [](std::span<std::uint8_t> out) { randombytes_buf(out.data(), out.size()); };
}

}  // namespace kiosk::domain
