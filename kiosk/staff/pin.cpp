// The staff PIN and its lock-out; see pin.h.
#include "kiosk/staff/pin.h"

#include <sodium.h>
#include <algorithm>
#include <charconv>

namespace kiosk::staff {

bool pin_format_ok(std::string_view pin) {
    return pin.size() >= 4 && pin.size() <= 12 &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string hash_pin(std::string_view pin) {
    if (sodium_init() < 0) return {};
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return std::string(out);
}

bool pin_matches(std::string_view encoded_hash, std::string_view pin) {
    if (sodium_init() < 0 || encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
    const std::string hash(encoded_hash);  // the C call wants it NUL-terminated
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

std::int64_t lock_duration_ms(int locks) {
    std::int64_t ms = kFirstLockMs;
    for (int i = 1; i < locks && ms < kLongestLockMs; ++i) ms *= 2;
    return std::min(ms, kLongestLockMs);
}

LockState after_wrong_pin(LockState state, std::int64_t now_ms) {
    ++state.failures;
    if (state.failures >= kMaxTries) {
        state.failures = 0;
        ++state.locks;
        state.locked_until_ms = now_ms + lock_duration_ms(state.locks);
    }
    return state;
}

std::string encode_lock(const LockState& state) {
    return std::to_string(state.failures) + " " + std::to_string(state.locks) + " " +
           std::to_string(state.locked_until_ms);
}

namespace {

// Reads one number and the space after it; false when there is none.
template <class T>
bool read_number(std::string_view& text, T& out) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (ec != std::errc{} || out < 0) return false;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    return true;
}

}  // namespace

LockState decode_lock(std::string_view text) {
    LockState s;
    if (!read_number(text, s.failures) || !read_number(text, s.locks) || !read_number(text, s.locked_until_ms))
        return LockState{};
    return s;
}

PinAttempt try_pin(store::Store& store, std::string_view pin, std::int64_t now_ms) {
    auto hash = store.setting(kPinHashKey);
    if (!hash) return {PinOutcome::store_error};
    if (!*hash || (*hash)->empty()) return {PinOutcome::not_set};
    auto saved = store.setting(kPinLockKey);
    if (!saved) return {PinOutcome::store_error};
    LockState lock = *saved ? decode_lock(**saved) : LockState{};
    if (lock.locked(now_ms)) return {PinOutcome::locked, 0, lock.locked_until_ms - now_ms};

    if (pin_matches(**hash, pin)) {
        if (lock.failures != 0 || lock.locks != 0)
            if (!store.set_setting(kPinLockKey, encode_lock(LockState{}))) return {PinOutcome::store_error};
        return {PinOutcome::accepted};
    }
    lock = after_wrong_pin(lock, now_ms);
    // A wrong try that cannot be counted must not be free: refuse as if locked.
    if (!store.set_setting(kPinLockKey, encode_lock(lock))) return {PinOutcome::store_error};
    if (lock.locked(now_ms)) return {PinOutcome::locked, 0, lock.locked_until_ms - now_ms};
    return {PinOutcome::wrong, kMaxTries - lock.failures, 0};
}

std::expected<void, SetPinError> set_pin(store::Store& store, std::string_view pin) {
    if (!pin_format_ok(pin)) return std::unexpected(SetPinError::bad_format);
    const std::string hash = hash_pin(pin);
    if (hash.empty()) return std::unexpected(SetPinError::hash_failed);
    if (!store.set_setting(kPinHashKey, hash)) return std::unexpected(SetPinError::store_failed);
    if (!store.set_setting(kPinLockKey, encode_lock(LockState{}))) return std::unexpected(SetPinError::store_failed);
    return {};
}

bool pin_is_set(store::Store& store) {
    auto hash = store.setting(kPinHashKey);
    return hash && *hash && !(*hash)->empty();
}

std::int64_t pin_locked_until(store::Store& store) {
    auto saved = store.setting(kPinLockKey);
    if (!saved || !*saved) return 0;
    return decode_lock(**saved).locked_until_ms;
}

session::StaffMessage message_for(const PinAttempt& attempt) {
    switch (attempt.outcome) {
    case PinOutcome::accepted: return {};
    case PinOutcome::wrong: return {"staff.pin.wrong", attempt.tries_left};
    case PinOutcome::locked: return {"staff.pin.locked", (attempt.wait_ms + 59'999) / 60'000};
    case PinOutcome::not_set: return {"staff.pin.not_set"};
    case PinOutcome::store_error: return {"staff.pin.store_error"};
    }
    return {"staff.pin.store_error"};
}

}  // namespace kiosk::staff
