// HQ over TLS with its certificate pinned in the kiosk at provisioning: the kiosk delivers to
// the pinned HQ, and refuses (with its own sync error, nothing sent) an HQ presenting any
// other certificate — even one signed by a CA that would otherwise be trusted. Certificates
// are made here with the openssl command, valid for 127.0.0.1 only.
#include <gtest/gtest.h>

#include "sync/client/http.h"
#include "sync/protocol/file_io.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/process.h"

namespace kiosk_sync::testkit {
namespace {

using namespace std::chrono_literals;

class SyncTls : public KioskBesideHq<31> {
protected:
    std::string at(const std::string& name) { return (temp.path() / name).string(); }

    void openssl(std::vector<std::string> args) {
        auto result = run_program("/usr/bin/openssl", args, std::chrono::seconds(30));
        ASSERT_EQ(result.exit_code, 0) << result.err;
    }

    // A key and a certificate for 127.0.0.1: self-signed, or signed by the CA "ca".
    void make_certificate(const std::string& name, bool by_ca) {
        std::vector<std::string> request{"req",
                                         "-newkey",
                                         "ec",
                                         "-pkeyopt",
                                         "ec_paramgen_curve:P-256",
                                         "-nodes",
                                         "-keyout",
                                         at(name + ".key"),
                                         "-subj",
                                         "/CN=hq",
                                         "-addext",
                                         "subjectAltName=IP:127.0.0.1"};
        if (!by_ca) {
            request.insert(request.end(), {"-x509", "-days", "2", "-out", at(name + ".pem")});
            return openssl(request);
        }
        request.insert(request.end(), {"-out", at(name + ".csr")});
        openssl(request);
        openssl({"x509", "-req", "-in", at(name + ".csr"), "-CA", at("ca.pem"), "-CAkey", at("ca.key"),
                 "-CAcreateserial", "-days", "2", "-copy_extensions", "copy", "-out", at(name + ".pem")});
    }

    void make_ca() {
        openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                 at("ca.key"), "-out", at("ca.pem"), "-days", "2", "-subj", "/CN=test-ca", "-addext",
                 "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"});
    }

    HqServer serve_with(const std::string& name) {
        return HqServer(setup.hq_dir, 0, {"--tls-cert", at(name + ".pem"), "--tls-key", at(name + ".key")});
    }

    // The kiosk as provisioning left it, pointed at HQ's port over HTTPS.
    client::ClientConfig kiosk_config(const HqServer& hq) {
        auto identity = protocol::load_kiosk_identity(setup.kiosk_dir);
        EXPECT_TRUE(identity) << (identity ? "" : identity.error());
        return fast_config(*identity, "https://127.0.0.1:" + std::to_string(hq.port()));
    }
};

TEST_F(SyncTls, DeliversToThePinnedHqAndRefusesAnyOtherCertificate) {
    make_certificate("hq", false);
    make_ca();
    make_certificate("other", true);
    auto provision = run_hq({"provision", "--dir", setup.hq_dir, "--kiosk", "kiosk-1", "--out", setup.kiosk_dir,
                             "--tls-cert", at("hq.pem")});
    ASSERT_EQ(provision.exit_code, 0) << provision.err;
    auto pin = protocol::read_file(setup.kiosk_dir / "keys" / "hq_tls.pin");
    ASSERT_TRUE(pin);
    EXPECT_TRUE(pin->starts_with("sha256//"));

    auto records = queue_records(*outbox, maker, 5);
    {
        auto hq = serve_with("hq");
        client::Client client(kiosk_config(hq), TestOutbox::factory(db));
        client.start();
        ASSERT_TRUE(client.wait_until_empty(20s));
        EXPECT_EQ(client.state().last_error, client::SyncError::none);
        EXPECT_EQ(hq.stop(), 0);
    }
    expect_exactly_once(setup.hq_dir, records);

    // The same address now presents a certificate from a CA this test trusts: a client that
    // trusts the CA accepts it, the kiosk does not.
    auto more = queue_records(*outbox, maker, 3);
    auto hq = serve_with("other");
    client::HttpOptions trusting_ca{2000ms, 3000ms};
    trusting_ca.ca_file = at("ca.pem");
    auto plain = client::HttpClient(trusting_ca)
                     .request("GET", "https://127.0.0.1:" + std::to_string(hq.port()) + "/v1/statuses", {}, "");
    ASSERT_TRUE(plain) << plain.error().message;
    EXPECT_EQ(plain->status, 401);

    client::Client client(kiosk_config(hq), TestOutbox::factory(db));
    client.start();
    EXPECT_FALSE(client.wait_until_empty(3s));
    auto state = client.state();
    EXPECT_EQ(state.last_error, client::SyncError::hq_identity_changed) << state.last_error_detail;
    EXPECT_EQ(client::to_string(state.last_error), "hq_identity_changed");
    EXPECT_FALSE(state.online);
    EXPECT_EQ(state.queued, more.size());
    client.stop();
    EXPECT_EQ(hq.stop(), 0);
    expect_exactly_once(setup.hq_dir, records);  // nothing went to the impostor
}

TEST_F(SyncTls, AnotherSelfSignedKeyForTheSameNameIsRefused) {
    make_certificate("hq", false);
    make_certificate("impostor", false);
    ASSERT_EQ(run_hq({"provision", "--dir", setup.hq_dir, "--kiosk", "kiosk-1", "--out", setup.kiosk_dir, "--tls-cert",
                      at("hq.pem")})
                  .exit_code,
              0);
    queue_records(*outbox, maker, 2);
    auto hq = serve_with("impostor");
    client::Client client(kiosk_config(hq), TestOutbox::factory(db));
    client.start();
    EXPECT_FALSE(client.wait_until_empty(3s));
    EXPECT_EQ(client.state().last_error, client::SyncError::hq_identity_changed);
}

TEST_F(SyncTls, ServeRefusesAKeyThatIsNotTheCertificates) {
    make_certificate("hq", false);
    make_certificate("impostor", false);
    auto result = run_hq({"serve", "--dir", setup.hq_dir, "--listen", "127.0.0.1:0", "--tls-cert", at("hq.pem"),
                          "--tls-key", at("impostor.key")});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("do not belong together"), std::string::npos) << result.err;
    EXPECT_EQ(run_hq({"serve", "--dir", setup.hq_dir, "--listen", "127.0.0.1:0", "--tls-cert", at("hq.pem")}).exit_code,
              2);
}

}  // namespace
}  // namespace kiosk_sync::testkit
