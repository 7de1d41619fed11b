// sync/hq/console/keyring.h — what the console may do with HQ's private key, declared here and
// implemented over the key vault (sync/hq/console_listener.cpp), so the console never holds
// the key's bytes: it asks for one record's personal data, or for a keyed mark of a value,
// and gets nothing while the key is locked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk_sync::hq::console {

class Keyring {
public:
    virtual ~Keyring() = default;

    enum class Outcome { unlocked, wrong_passphrase, wait, damaged, no_memory, no_key };
    struct Attempt {
        Outcome outcome = Outcome::wrong_passphrase;
        std::int64_t wait_ms = 0;  // before another try is heard
    };
    virtual Attempt unlock(std::string_view passphrase) = 0;
    virtual void lock() = 0;
    virtual bool unlocked() = 0;

    // The personal JSON text sealed in `sealed` (base64); none while locked or when it does
    // not open.
    virtual std::optional<std::string> open(std::string_view sealed) = 0;
    // A keyed hash (64 hex) of `value` under `label` ("national_id", "mobile"), with a key
    // derived from the private key: equal values give equal marks, and without the key a mark
    // says nothing about the value. None while locked.
    virtual std::optional<std::string> mark(std::string_view label, std::string_view value) = 0;
};

}  // namespace kiosk_sync::hq::console
