// kiosk/staff/pin.h — the staff PIN: how it is stored (an Argon2id hash in the store's
// settings, never the digits) and how wrong tries lock staff mode for a growing delay.
//
// The lock-out state lives in the settings too, so turning the kiosk off and on does not
// give anyone five fresh tries. Not here: drawing (pin_screen.cpp), the command line (main.cpp).
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "kiosk/session/staff_flow.h"
#include "kiosk/store/store.h"

namespace kiosk::staff {

inline constexpr int kMaxTries = 5;                   // wrong PINs before a lock-out
inline constexpr std::int64_t kFirstLockMs = 60'000;  // then 2, 4, 8 … minutes
inline constexpr std::int64_t kLongestLockMs = 3'600'000;

// Settings keys.
inline constexpr std::string_view kPinHashKey = "staff.pin_hash";
inline constexpr std::string_view kPinLockKey = "staff.pin_lock";

// 4 to 12 ASCII digits.
bool pin_format_ok(std::string_view pin);

// Argon2id (libsodium's crypto_pwhash_str, interactive limits): the encoded string with its
// salt and parameters. Empty on failure (out of memory).
std::string hash_pin(std::string_view pin);
bool pin_matches(std::string_view encoded_hash, std::string_view pin);

// Wrong tries since the last success or lock, how many locks in a row, and until when.
struct LockState {
    int failures = 0;
    int locks = 0;
    std::int64_t locked_until_ms = 0;

    bool locked(std::int64_t now_ms) const { return now_ms < locked_until_ms; }
};

// The state after one more wrong PIN at `now_ms`: the fifth locks, each lock twice as long.
LockState after_wrong_pin(LockState state, std::int64_t now_ms);
std::int64_t lock_duration_ms(int locks);

// "failures locks until" and back; a damaged value reads as a fresh state.
std::string encode_lock(const LockState& state);
LockState decode_lock(std::string_view text);

enum class PinOutcome { accepted, wrong, locked, not_set, store_error };

struct PinAttempt {
    PinOutcome outcome = PinOutcome::store_error;
    int tries_left = 0;        // after a wrong PIN
    std::int64_t wait_ms = 0;  // while locked
};

// Checks `pin` against the stored hash, counting and persisting wrong tries. While locked
// the PIN is not even compared.
PinAttempt try_pin(store::Store& store, std::string_view pin, std::int64_t now_ms);

// What staff read after a try ("wrong PIN, 3 tries left", "locked for 2 minutes").
session::StaffMessage message_for(const PinAttempt& attempt);

enum class SetPinError { bad_format, hash_failed, store_failed };

// Stores a new PIN's hash and clears any lock-out.
std::expected<void, SetPinError> set_pin(store::Store& store, std::string_view pin);
bool pin_is_set(store::Store& store);
// Until when (unix ms) wrong tries have locked the PIN; 0 when they have not, or it cannot be read.
std::int64_t pin_locked_until(store::Store& store);

}  // namespace kiosk::staff
