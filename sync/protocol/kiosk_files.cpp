// Reading and writing a kiosk's provisioning files; see kiosk_files.h.
#include "sync/protocol/kiosk_files.h"

#include <algorithm>
#include <system_error>

#include "sync/protocol/file_io.h"
#include "sync/protocol/json_text.h"

namespace kiosk_sync::protocol {

std::filesystem::path kiosk_config_path(const std::filesystem::path& data_dir) { return data_dir / "config.json"; }
std::filesystem::path kiosk_secret_path(const std::filesystem::path& data_dir) {
    return data_dir / "keys" / "kiosk.secret";
}
std::filesystem::path kiosk_hq_box_path(const std::filesystem::path& data_dir) {
    return data_dir / "keys" / "hq_box.pub";
}
std::filesystem::path kiosk_hq_tls_certificate_path(const std::filesystem::path& data_dir) {
    return data_dir / "keys" / "hq_tls.pem";
}
std::filesystem::path kiosk_hq_tls_pin_path(const std::filesystem::path& data_dir) {
    return data_dir / "keys" / "hq_tls.pin";
}

bool is_valid_kiosk_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ||
               c == '.';
    });
}

std::string key_file_text(std::span<const unsigned char> key) { return to_hex(key) + "\n"; }

namespace {

// The certificate and pin come together or not at all: a kiosk with half of them would
// either trust any certificate or none.
std::expected<KioskIdentity, std::string> load_tls_pin(const std::filesystem::path& data_dir, KioskIdentity identity) {
    bool has_certificate = std::filesystem::exists(kiosk_hq_tls_certificate_path(data_dir));
    bool has_pin = std::filesystem::exists(kiosk_hq_tls_pin_path(data_dir));
    if (!has_certificate && !has_pin) return identity;
    if (!has_certificate || !has_pin) return std::unexpected("keys/hq_tls.pem and keys/hq_tls.pin must both be there");
    auto pin = read_file(kiosk_hq_tls_pin_path(data_dir), 4096);
    if (!pin) return std::unexpected(pin.error());
    while (!pin->empty() && (pin->back() == '\n' || pin->back() == '\r')) pin->pop_back();
    if (!pin->starts_with("sha256//") || pin->size() != 8 + 44) return std::unexpected("keys/hq_tls.pin is not a pin");
    identity.hq_tls_pin = *pin;
    identity.hq_tls_certificate = kiosk_hq_tls_certificate_path(data_dir).string();
    return identity;
}

}  // namespace

std::expected<KioskIdentity, std::string> load_kiosk_identity(const std::filesystem::path& data_dir) {
    auto config_text = read_file(kiosk_config_path(data_dir), 1u << 20);
    if (!config_text) return std::unexpected(config_text.error());
    auto config = parse_json(*config_text);
    if (!config || !config->is_object()) return std::unexpected("config.json is not a JSON object");
    KioskIdentity identity;
    auto id = string_member(*config, "kiosk_id");
    auto url = string_member(*config, "hq_url");
    if (!id || !is_valid_kiosk_id(*id)) return std::unexpected("config.json has no valid kiosk_id");
    if (!url) return std::unexpected("config.json has no hq_url");
    identity.kiosk_id = *id;
    identity.hq_url = *url;

    auto secret_text = read_file(kiosk_secret_path(data_dir), 4096);
    if (!secret_text) return std::unexpected(secret_text.error());
    auto secret = secret_from_hex(*secret_text);
    if (!secret) return std::unexpected("keys/kiosk.secret is not 64 hex characters");
    identity.secret = *secret;

    auto box_text = read_file(kiosk_hq_box_path(data_dir), 4096);
    if (!box_text) return std::unexpected(box_text.error());
    auto box = secret_from_hex(*box_text);  // same shape: 32 bytes in hex
    if (!box) return std::unexpected("keys/hq_box.pub is not 64 hex characters");
    std::copy(box->begin(), box->end(), identity.hq_box_public.begin());
    return load_tls_pin(data_dir, identity);
}

std::expected<void, std::string> write_kiosk_identity(const std::filesystem::path& data_dir,
                                                      const KioskIdentity& identity) {
    std::error_code ec;
    std::filesystem::create_directories(data_dir / "keys", ec);
    if (ec) return std::unexpected("cannot create " + (data_dir / "keys").string() + ": " + ec.message());
    std::filesystem::permissions(data_dir / "keys", std::filesystem::perms::owner_all, ec);

    nlohmann::json config = nlohmann::json::object();
    if (std::filesystem::exists(kiosk_config_path(data_dir))) {
        auto text = read_file(kiosk_config_path(data_dir), 1u << 20);
        if (!text) return std::unexpected(text.error());
        auto parsed = parse_json(*text);
        if (!parsed || !parsed->is_object())
            return std::unexpected("existing config.json is not a JSON object; not overwriting it");
        config = std::move(*parsed);
    }
    config["kiosk_id"] = identity.kiosk_id;
    config["hq_url"] = identity.hq_url;

    if (auto r = write_file_atomic(kiosk_secret_path(data_dir), key_file_text(identity.secret), 0600); !r) return r;
    if (auto r = write_file_atomic(kiosk_hq_box_path(data_dir), key_file_text(identity.hq_box_public), 0644); !r)
        return r;
    if (identity.hq_tls_certificate.empty()) {
        std::filesystem::remove(kiosk_hq_tls_pin_path(data_dir), ec);
        std::filesystem::remove(kiosk_hq_tls_certificate_path(data_dir), ec);
    } else {
        if (auto r = write_file_atomic(kiosk_hq_tls_certificate_path(data_dir), identity.hq_tls_certificate, 0644); !r)
            return r;
        if (auto r = write_file_atomic(kiosk_hq_tls_pin_path(data_dir), identity.hq_tls_pin + "\n", 0644); !r) return r;
    }
    return write_file_atomic(kiosk_config_path(data_dir),
                             config.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n", 0644);
}

}  // namespace kiosk_sync::protocol
