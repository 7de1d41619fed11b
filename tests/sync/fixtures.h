// tests/sync/fixtures.h — what every sync test needs: a temporary directory, an initialised
// HQ directory with a provisioned kiosk (its key wrapped by a passphrase kept in a file beside
// it), visitor records whose personal data is sealed to HQ's key (remembering what went in),
// and the end-of-scenario check that each record is at HQ exactly once and decrypts to what
// the visitor typed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sync/client/client.h"
#include "sync/client/http.h"
#include "sync/protocol/kiosk_files.h"
#include "sync/protocol/signing.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/process.h"
#include "tests/sync/test_outbox.h"

namespace kiosk_sync::testkit {

using TempDir = ::kiosk::testing::TempDir;

struct VisitorRecord {
    std::string id;
    std::string reference;
    std::string json;         // the wire record, as the kiosk store would keep it
    nlohmann::json personal;  // null for ratings
};

// Builds records for one kiosk, sealing personal data to hq_public.
class RecordMaker {
public:
    RecordMaker(std::string kiosk, protocol::BoxPublicKey hq_public, std::uint32_t seed);
    VisitorRecord next();
    VisitorRecord with_kind(const std::string& kind);

private:
    std::string kiosk_;
    protocol::BoxPublicKey hq_public_;
    std::mt19937 random_;
    int count_ = 0;
};

// The passphrase test HQs wrap their private key with, and the file that holds it: beside the
// HQ directory, as HQDIR.passphrase, so that copying the directory does not copy it.
inline constexpr std::string_view kHqPassphrase = "مفتاح المقر للاختبار 2026";
std::filesystem::path passphrase_file(const std::filesystem::path& hq_dir);
// `kiosk-hq init` with kHqPassphrase from passphrase_file(hq_dir), at the interactive KDF cost.
RunResult init_hq(const std::filesystem::path& hq_dir);

// An HQ directory with kiosk "kiosk-1" provisioned into kiosk_dir.
struct HqSetup {
    explicit HqSetup(const std::filesystem::path& root);
    std::filesystem::path hq_dir;
    std::filesystem::path kiosk_dir;
    protocol::KioskIdentity identity;
};

// A kiosk's outbox (a SQLite file) beside an HQ directory in one temporary directory, and
// records for the kiosk; `Seed` picks which. The fixture of the client, fault and TLS tests.
template <std::uint32_t Seed>
class KioskBesideHq : public ::testing::Test {
protected:
    TempDir temp;
    HqSetup setup{temp.path()};
    std::filesystem::path db = temp.path() / "outbox.db";
    std::unique_ptr<TestOutbox> outbox = TestOutbox::open(db);
    RecordMaker maker{"kiosk-1", setup.identity.hq_box_public, Seed};
};

// A config for tests: short timeouts and backoff, a fixed jitter seed.
// The four headers that carry a signed request's kiosk, time, nonce and signature.
client::HttpClient::Headers auth_headers(const protocol::RequestAuth& auth);

client::ClientConfig fast_config(const protocol::KioskIdentity& identity, const std::string& url);

// Adds n fresh records to the outbox (each committed, as if a visitor submitted it).
std::vector<VisitorRecord> queue_records(TestOutbox& outbox, RecordMaker& maker, int n);

// The records in a bundle file, as staff would export them from kiosk-1's outbox (a file
// named `name` under root), for tests that need records at HQ without a server.
std::filesystem::path bundle_of(const std::filesystem::path& root, const HqSetup& setup,
                                const std::vector<VisitorRecord>& records, const std::string& name);

// `kiosk-hq decrypt --json` with the passphrase file, keyed by id; records seen more than once
// are counted.
struct HqContents {
    std::map<std::string, nlohmann::json> by_id;
    std::map<std::string, int> copies;
};
HqContents hq_contents(const std::filesystem::path& hq_dir);

// Each expected record at HQ exactly once, decrypting to its personal data; nothing else.
void expect_exactly_once(const std::filesystem::path& hq_dir, const std::vector<VisitorRecord>& expected);

// Each record the outbox marked delivered is at HQ (checked while more may be in flight).
void expect_delivered_are_at_hq(const std::filesystem::path& hq_dir, TestOutbox& outbox);

}  // namespace kiosk_sync::testkit
