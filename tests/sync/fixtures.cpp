// Shared sync test fixtures; see fixtures.h.
#include "tests/sync/fixtures.h"

#include <chrono>
#include <cstdlib>
#include <set>

#include <sodium.h>

#include "sync/client/export.h"
#include "sync/protocol/file_io.h"
#include "sync/protocol/record.h"

namespace kiosk_sync::testkit {

namespace {

constexpr const char* kKinds[] = {"support_request", "feedback", "volunteer", "rating"};
constexpr const char* kNames[] = {"محمد بن عبدالله", "نورة الشهري", "Fatimah Al-Qahtani", "عبدالرحمن", "لمى"};

std::string random_text(std::mt19937& random, const char* alphabet, int length) {
    std::string out;
    std::size_t size = std::char_traits<char>::length(alphabet);
    for (int i = 0; i < length; ++i) out.push_back(alphabet[random() % size]);
    return out;
}

std::string uuid(std::mt19937& random) {
    std::string hex = random_text(random, "0123456789abcdef", 32);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-4" + hex.substr(13, 3) + "-a" + hex.substr(17, 3) + "-" +
           hex.substr(20, 12);
}

std::string seal(const nlohmann::json& personal, const protocol::BoxPublicKey& key) {
    std::string plain = personal.dump();
    std::string box(plain.size() + crypto_box_SEALBYTES, '\0');
    crypto_box_seal(reinterpret_cast<unsigned char*>(box.data()), reinterpret_cast<const unsigned char*>(plain.data()),
                    plain.size(), key.data());
    return protocol::to_base64(box);
}

// What the kiosk's store keeps in the clear for each kind (record_schema.h).
nlohmann::json clear_part(const std::string& kind) {
    if (kind == "support_request") return {{"request_type", "food"}};
    if (kind == "feedback") return {{"category", "complaint"}, {"reply_requested", true}};
    return {{"skills", {"teaching", "driving"}}, {"availability", {"weekends"}}};
}

}  // namespace

RecordMaker::RecordMaker(std::string kiosk, protocol::BoxPublicKey hq_public, std::uint32_t seed)
    : kiosk_(std::move(kiosk)), hq_public_(hq_public), random_(seed) {
    protocol::ensure_sodium();
}

VisitorRecord RecordMaker::next() { return with_kind(kKinds[random_() % 4]); }

VisitorRecord RecordMaker::with_kind(const std::string& kind) {
    protocol::Record record;
    record.id = uuid(random_);
    record.kind = kind;
    record.kiosk = kiosk_;
    record.created_ms = 1764120000000 + ++count_;
    VisitorRecord out;
    if (kind != "rating") {
        record.reference =
            random_text(random_, "ACDEFHJKMNPRTVWXY", 3) + "-" + random_text(random_, "ACDEFHJKMNPRTVWXY34679", 4);
        out.personal = {{"name", kNames[random_() % 5]},
                        {"national_id", "1" + random_text(random_, "0123456789", 9)},
                        {"mobile", "05" + random_text(random_, "0123456789", 8)},
                        {"description", "أحتاج مساعدة في " + std::to_string(count_)}};
        record.sealed = seal(out.personal, hq_public_);
        record.clear = clear_part(kind);
    } else {
        // As a kiosk from before comments were sealed sent it: the comment in the clear.
        record.clear = {{"overall", static_cast<int>(random_() % 5 + 1)}, {"comment", "=1+1 ممتاز"}};
    }
    out.id = record.id;
    out.reference = record.reference;
    out.json = protocol::serialize(record);
    return out;
}

std::filesystem::path passphrase_file(const std::filesystem::path& hq_dir) {
    return hq_dir.parent_path() / (hq_dir.filename().string() + ".passphrase");
}

RunResult init_hq(const std::filesystem::path& hq_dir) {
    auto written = protocol::write_file_atomic(passphrase_file(hq_dir), std::string(kHqPassphrase) + "\n", 0600);
    EXPECT_TRUE(written) << (written ? "" : written.error());
    return run_hq({"init", "--dir", hq_dir.string(), "--kdf", "interactive", "--passphrase-file",
                   passphrase_file(hq_dir).string()});
}

HqSetup::HqSetup(const std::filesystem::path& root) : hq_dir(root / "hq"), kiosk_dir(root / "kiosk") {
    auto init = init_hq(hq_dir);
    EXPECT_EQ(init.exit_code, 0) << init.err;
    auto provision = run_hq({"provision", "--dir", hq_dir.string(), "--kiosk", "kiosk-1", "--out", kiosk_dir.string()});
    EXPECT_EQ(provision.exit_code, 0) << provision.err;
    auto loaded = protocol::load_kiosk_identity(kiosk_dir);
    EXPECT_TRUE(loaded.has_value()) << (loaded ? "" : loaded.error());
    if (loaded) identity = *loaded;
}

client::HttpClient::Headers auth_headers(const protocol::RequestAuth& auth) {
    return {{protocol::kHeaderKiosk, auth.kiosk},
            {protocol::kHeaderTimestamp, std::to_string(auth.timestamp_ms)},
            {protocol::kHeaderNonce, auth.nonce},
            {protocol::kHeaderSignature, auth.signature}};
}

client::ClientConfig fast_config(const protocol::KioskIdentity& identity, const std::string& url) {
    auto config = client::ClientConfig::from_identity(identity);
    config.hq_url = url;
    config.max_batch_records = 25;
    config.backoff_initial = std::chrono::milliseconds(20);
    config.backoff_max = std::chrono::milliseconds(300);
    config.idle_poll = std::chrono::milliseconds(2000);
    config.connect_timeout = std::chrono::milliseconds(2000);
    config.request_timeout = std::chrono::milliseconds(3000);
    config.jitter_seed = 42;
    return config;
}

std::vector<VisitorRecord> queue_records(TestOutbox& outbox, RecordMaker& maker, int n) {
    std::vector<VisitorRecord> records;
    for (int i = 0; i < n; ++i) {
        records.push_back(maker.next());
        outbox.add(records.back().id, records.back().json);
    }
    return records;
}

std::filesystem::path bundle_of(const std::filesystem::path& root, const HqSetup& setup,
                                const std::vector<VisitorRecord>& records, const std::string& name) {
    auto outbox = TestOutbox::open(root / (name + ".db"));
    for (const auto& r : records) outbox->add(r.id, r.json);
    std::filesystem::create_directories(root / name);
    auto written = client::export_bundle(*outbox, root / name, "kiosk-1", setup.identity.secret);
    EXPECT_TRUE(written) << (written ? "" : written.error());
    return written ? written->path : std::filesystem::path();
}

HqContents hq_contents(const std::filesystem::path& hq_dir) {
    auto result =
        run_hq({"decrypt", "--dir", hq_dir.string(), "--json", "--passphrase-file", passphrase_file(hq_dir).string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    HqContents contents;
    auto parsed = nlohmann::json::parse(result.out, nullptr, false);
    EXPECT_TRUE(parsed.is_array()) << result.out.substr(0, 200);
    if (!parsed.is_array()) return contents;
    for (const auto& entry : parsed) {
        auto id = entry.value("id", "");
        ++contents.copies[id];
        contents.by_id[id] = entry;
    }
    return contents;
}

void expect_exactly_once(const std::filesystem::path& hq_dir, const std::vector<VisitorRecord>& expected) {
    auto contents = hq_contents(hq_dir);
    std::set<std::string> wanted;
    for (const auto& record : expected) {
        wanted.insert(record.id);
        auto copies = contents.copies.count(record.id) ? contents.copies.at(record.id) : 0;
        ASSERT_EQ(copies, 1) << "record " << record.id << " is at HQ " << copies << " times";
        const auto& entry = contents.by_id.at(record.id);
        EXPECT_EQ(entry["personal"], record.personal) << record.id;
        EXPECT_EQ(entry.value("reference", ""), record.reference);
        EXPECT_FALSE(entry.contains("error")) << entry.dump();
    }
    for (const auto& [id, copies] : contents.copies) EXPECT_TRUE(wanted.count(id)) << "unexpected record " << id;
}

void expect_delivered_are_at_hq(const std::filesystem::path& hq_dir, TestOutbox& outbox) {
    // The outbox first: whatever it calls delivered must already be at HQ, while HQ may gain
    // records between the two reads (the other order would race with a running worker).
    auto delivered = outbox.ids_in_state("sent");
    auto contents = hq_contents(hq_dir);
    for (const auto& id : delivered)
        EXPECT_EQ(contents.copies.count(id), 1u) << "delivered record " << id << " is not at HQ";
}

}  // namespace kiosk_sync::testkit
