// kiosk/domain/ids.h — record identity: UUIDs that HQ uses as the idempotency key.
// For: version 7 UUIDs (a millisecond timestamp then random bits, so new rows land at the end
// of every index) and version 4 where time must not show. Not for: visitor-facing codes
// (reference.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/domain/random.h"

namespace kiosk::domain {

// "xxxxxxxx-xxxx-7xxx-yxxx-xxxxxxxxxxxx", lower-case hex, RFC 9562.
std::string new_uuid_v7(std::int64_t unix_ms, const RandomSource& random);
std::string new_uuid_v4(const RandomSource& random);

// True for the canonical lower- or upper-case 8-4-4-4-12 hex form of any version.
bool is_uuid(std::string_view text);

}  // namespace kiosk::domain
