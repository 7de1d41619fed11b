// Request authentication at HQ; see auth.h. The order of checks matters: the signature is
// verified before the clock, so a refusal for staleness can be signed and trusted.
#include "sync/hq/auth.h"

namespace kiosk_sync::hq {

namespace {

AuthFailure refuse(std::string code, std::string reason) {
    return AuthFailure{401, std::move(code), std::move(reason), std::nullopt};
}

}  // namespace

std::expected<Authenticated, AuthFailure> authenticate(Store& store, const SignedRequest& request,
                                                       std::int64_t now_ms) {
    namespace code = protocol::error_code;
    if (request.kiosk.empty() || request.timestamp.empty() || request.nonce.empty() || request.signature.empty())
        return std::unexpected(refuse(code::kMissingAuth, "request is not signed"));
    auto secret = store.kiosk_secret(request.kiosk);
    if (!secret) return std::unexpected(AuthFailure{500, code::kInternal, secret.error(), std::nullopt});
    if (!*secret) return std::unexpected(refuse(code::kUnknownKiosk, "kiosk is not provisioned"));
    auto timestamp = protocol::parse_timestamp(request.timestamp);
    if (!timestamp || request.nonce.size() < 16 || request.nonce.size() > 64)
        return std::unexpected(refuse(code::kBadSignature, "timestamp or nonce is malformed"));

    protocol::RequestAuth auth{request.kiosk, *timestamp, request.nonce, request.signature};
    if (!protocol::verify_request(**secret, auth, request.method, request.target, request.body))
        return std::unexpected(refuse(code::kBadSignature, "signature does not match"));

    auto skew = *timestamp - now_ms;
    if (skew > protocol::kSkewWindowMs || skew < -protocol::kSkewWindowMs) {
        auto failure = refuse(code::kStaleTimestamp, "timestamp is more than 5 minutes from HQ's clock");
        failure.reply_secret = **secret;
        return std::unexpected(failure);
    }
    auto fresh = store.remember_nonce(request.kiosk, request.nonce, *timestamp, now_ms);
    if (!fresh) return std::unexpected(AuthFailure{500, code::kInternal, fresh.error(), **secret});
    if (!*fresh) {
        auto failure = refuse(code::kReplayed, "this request was already received");
        failure.reply_secret = **secret;
        return std::unexpected(failure);
    }
    return Authenticated{request.kiosk, **secret, request.nonce};
}

}  // namespace kiosk_sync::hq
