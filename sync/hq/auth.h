// sync/hq/auth.h — deciding whether a request comes from a provisioned kiosk, unchanged and
// fresh: known kiosk id, valid HMAC over method, target, timestamp, nonce and body hash,
// timestamp within ±5 minutes of HQ's clock, nonce not seen within that window.
// Not here: HTTP plumbing (server.cpp) or the signature's definition (protocol/signing.h).
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "sync/hq/store.h"

namespace kiosk_sync::hq {

struct SignedRequest {
    std::string_view method;
    std::string_view target;  // path and query exactly as sent
    std::string_view body;
    std::string kiosk;  // the four X- headers, empty when absent
    std::string timestamp;
    std::string nonce;
    std::string signature;
};

struct Authenticated {
    std::string kiosk;
    protocol::Secret secret{};
    std::string nonce;
};

struct AuthFailure {
    int status = 401;  // 500 when the store failed
    std::string code;  // protocol::error_code
    std::string reason;
    // Set once the signature proved the sender holds the secret: HQ then signs its refusal,
    // and the kiosk may trust the server time in it to correct its clock.
    std::optional<protocol::Secret> reply_secret;
};

std::expected<Authenticated, AuthFailure> authenticate(Store& store, const SignedRequest& request, std::int64_t now_ms);

}  // namespace kiosk_sync::hq
