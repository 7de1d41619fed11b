// sync/protocol/kiosk_files.h — the provisioning files in a kiosk's data directory
// (docs/DATA.md): config.json {"kiosk_id","hq_url",...}, keys/kiosk.secret and
// keys/hq_box.pub, each key 64 lowercase hex characters and a newline, the secret mode 0600;
// when HQ speaks TLS, keys/hq_tls.pem (HQ's certificate, the only one the kiosk trusts for
// HQ) and keys/hq_tls.pin ("sha256//<base64 of the SHA-256 of its public key>" and a newline).
// `kiosk-hq provision` writes them, the kiosk reads them. Not here: the kiosk's other
// settings in config.json (kept untouched when provisioning merges its two keys in).
#pragma once

#include <array>
#include <expected>
#include <filesystem>
#include <string>

#include "sync/protocol/signing.h"

namespace kiosk_sync::protocol {

inline constexpr std::size_t kBoxPublicKeyBytes = 32;
using BoxPublicKey = std::array<unsigned char, kBoxPublicKeyBytes>;

struct KioskIdentity {
    std::string kiosk_id;
    std::string hq_url;
    Secret secret{};
    BoxPublicKey hq_box_public{};
    // HQ's TLS identity; both empty when HQ was provisioned without one.
    std::string hq_tls_certificate;  // where the PEM file is (loading) or its text (writing)
    std::string hq_tls_pin;          // "sha256//<base64>"
};

std::filesystem::path kiosk_config_path(const std::filesystem::path& data_dir);
std::filesystem::path kiosk_secret_path(const std::filesystem::path& data_dir);
std::filesystem::path kiosk_hq_box_path(const std::filesystem::path& data_dir);
std::filesystem::path kiosk_hq_tls_certificate_path(const std::filesystem::path& data_dir);
std::filesystem::path kiosk_hq_tls_pin_path(const std::filesystem::path& data_dir);

// A kiosk id is 1-64 letters, digits, '-', '_' or '.': it appears in file names and headers.
bool is_valid_kiosk_id(std::string_view id);

std::expected<KioskIdentity, std::string> load_kiosk_identity(const std::filesystem::path& data_dir);

// Creates data_dir and data_dir/keys as needed, writes both keys, and merges kiosk_id and
// hq_url into config.json (refusing to touch a config.json that is not a JSON object).
// identity.hq_tls_certificate is the PEM text here; without one, an older pin is removed,
// so a kiosk never keeps trusting a certificate HQ no longer has.
std::expected<void, std::string> write_kiosk_identity(const std::filesystem::path& data_dir,
                                                      const KioskIdentity& identity);

// "<64 hex>\n", the format of every key file.
std::string key_file_text(std::span<const unsigned char> key);

}  // namespace kiosk_sync::protocol
