// sync/hq/tls_identity.h — HQ's TLS certificate and key as `serve --tls-cert F --tls-key F`
// reads them, and the pin `provision --tls-cert F` gives a kiosk: "sha256//" and the base64
// SHA-256 of the certificate's public key (SubjectPublicKeyInfo), the form libcurl checks.
// Both check the files with GnuTLS first, so a broken or mismatched pair is refused on the
// command line rather than by the listener later. Not here: serving TLS (http_front.h).
#pragma once

#include <expected>
#include <filesystem>
#include <string>

#include "sync/hq/http_front.h"

namespace kiosk_sync::hq {

// The certificate (chain) and key, checked to parse and to belong together.
std::expected<TlsIdentity, std::string> load_tls_identity(const std::filesystem::path& certificate,
                                                          const std::filesystem::path& key);

// The pin of the first certificate in certificate_pem.
std::expected<std::string, std::string> tls_public_key_pin(const std::string& certificate_pem);

}  // namespace kiosk_sync::hq
