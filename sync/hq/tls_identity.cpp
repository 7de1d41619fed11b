// Reading HQ's TLS files and pinning its public key, with GnuTLS; see tls_identity.h.
#include "sync/hq/tls_identity.h"

#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <sodium.h>
#include <memory>
#include <type_traits>

#include "sync/protocol/file_io.h"
#include "sync/protocol/record.h"

namespace kiosk_sync::hq {

namespace {

struct CertificateFree {
    void operator()(gnutls_x509_crt_t certificate) const { gnutls_x509_crt_deinit(certificate); }
};
struct PublicKeyFree {
    void operator()(gnutls_pubkey_t key) const { gnutls_pubkey_deinit(key); }
};
struct CredentialsFree {
    void operator()(gnutls_certificate_credentials_t credentials) const {
        gnutls_certificate_free_credentials(credentials);
    }
};
using Certificate = std::unique_ptr<std::remove_pointer_t<gnutls_x509_crt_t>, CertificateFree>;
using PublicKey = std::unique_ptr<std::remove_pointer_t<gnutls_pubkey_t>, PublicKeyFree>;
using Credentials = std::unique_ptr<std::remove_pointer_t<gnutls_certificate_credentials_t>, CredentialsFree>;

// GnuTLS reads from a datum; it does not keep or change the text.
gnutls_datum_t datum_of(const std::string& text) {
    return {reinterpret_cast<unsigned char*>(const_cast<char*>(text.data())), static_cast<unsigned>(text.size())};
}

constexpr std::size_t kMaxPemBytes = 1u << 20;

}  // namespace

std::expected<TlsIdentity, std::string> load_tls_identity(const std::filesystem::path& certificate,
                                                          const std::filesystem::path& key) {
    auto certificate_pem = protocol::read_file(certificate, kMaxPemBytes);
    if (!certificate_pem) return std::unexpected(certificate_pem.error());
    auto key_pem = protocol::read_file(key, kMaxPemBytes);
    if (!key_pem) return std::unexpected(key_pem.error());
    gnutls_certificate_credentials_t raw = nullptr;
    if (gnutls_certificate_allocate_credentials(&raw) != GNUTLS_E_SUCCESS)
        return std::unexpected("GnuTLS could not allocate credentials");
    Credentials credentials(raw);
    auto cert_datum = datum_of(*certificate_pem);
    auto key_datum = datum_of(*key_pem);
    int rc = gnutls_certificate_set_x509_key_mem(credentials.get(), &cert_datum, &key_datum, GNUTLS_X509_FMT_PEM);
    if (rc < 0)
        return std::unexpected("TLS certificate " + certificate.string() + " and key " + key.string() +
                               " are unreadable or do not belong together: " + gnutls_strerror(rc));
    return TlsIdentity{std::move(*certificate_pem), std::move(*key_pem)};
}

std::expected<std::string, std::string> tls_public_key_pin(const std::string& certificate_pem) {
    gnutls_x509_crt_t raw_certificate = nullptr;
    gnutls_pubkey_t raw_key = nullptr;
    if (gnutls_x509_crt_init(&raw_certificate) != GNUTLS_E_SUCCESS) return std::unexpected("GnuTLS failed");
    Certificate certificate(raw_certificate);
    if (gnutls_pubkey_init(&raw_key) != GNUTLS_E_SUCCESS) return std::unexpected("GnuTLS failed");
    PublicKey key(raw_key);
    auto pem = datum_of(certificate_pem);
    if (gnutls_x509_crt_import(certificate.get(), &pem, GNUTLS_X509_FMT_PEM) < 0)
        return std::unexpected("the TLS certificate is not a PEM certificate");
    if (gnutls_pubkey_import_x509(key.get(), certificate.get(), 0) < 0)
        return std::unexpected("the TLS certificate's public key cannot be read");
    // Asked for the size first, then written into our own buffer: nothing for gnutls_free.
    std::size_t size = 0;
    gnutls_pubkey_export(key.get(), GNUTLS_X509_FMT_DER, nullptr, &size);
    std::string der(size, '\0');
    if (size == 0 || gnutls_pubkey_export(key.get(), GNUTLS_X509_FMT_DER, der.data(), &size) < 0)
        return std::unexpected("the TLS certificate's public key cannot be exported");
    der.resize(size);
    std::string digest(crypto_hash_sha256_BYTES, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()),
                       reinterpret_cast<const unsigned char*>(der.data()), der.size());
    return "sha256//" + protocol::to_base64(digest);
}

}  // namespace kiosk_sync::hq
