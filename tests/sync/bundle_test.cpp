// Offline bundle and provisioning-file tests: files on disk, no processes.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "sync/client/export.h"
#include "sync/protocol/bundle.h"
#include "sync/protocol/file_io.h"
#include "sync/protocol/kiosk_files.h"
#include "tests/sync/fixtures.h"

namespace kiosk_sync::testkit {
namespace {

protocol::BoxPublicKey some_box_key() {
    protocol::BoxPublicKey key{};
    key.fill(3);
    return key;
}

TEST(SyncBundle, WriteReadBackAndDetectEveryChange) {
    TempDir dir;
    auto secret = protocol::random_secret();
    RecordMaker maker("kiosk-1", some_box_key(), 1);
    std::vector<std::string> texts;
    for (int i = 0; i < 5; ++i) texts.push_back(maker.next().json);
    auto written = protocol::write_bundle(dir.path(), secret, "kiosk-1", 1764120000000, texts);
    ASSERT_TRUE(written) << written.error();
    EXPECT_EQ(written->path.filename(), "mouj-kiosk-1-20251126T012000Z.bundle");
    EXPECT_EQ(written->count, 5u);
    auto back = protocol::read_bundle(written->path, secret);
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(back->header.kiosk, "kiosk-1");
    ASSERT_EQ(back->items.size(), 5u);
    for (const auto& item : back->items) EXPECT_TRUE(item.record);

    EXPECT_FALSE(protocol::read_bundle(written->path, protocol::random_secret()));
    auto text = *protocol::read_file(written->path);
    auto header_end = text.find('\n');
    for (std::size_t at : {header_end + 10, text.size() - 3, std::size_t{20}}) {
        auto changed = text;
        changed[at] ^= 0x01;
        EXPECT_FALSE(protocol::open_bundle(changed, secret)) << "byte " << at;
    }
    EXPECT_FALSE(protocol::open_bundle(text.substr(0, text.size() - 10), secret));
    EXPECT_FALSE(protocol::open_bundle(text.substr(0, header_end), secret));
    // A header claiming another kiosk fails too: the kiosk id is under the HMAC.
    auto other = text;
    other.replace(other.find("kiosk-1"), 7, "kiosk-2");
    EXPECT_FALSE(protocol::open_bundle(other, secret));
}

TEST(SyncBundle, ExportTakesEveryQueuedRecordAndLeavesThemQueued) {
    TempDir dir;
    auto outbox = TestOutbox::open(dir.path() / "outbox.db");
    RecordMaker maker("kiosk-1", some_box_key(), 2);
    auto records = queue_records(*outbox, maker, 30);
    outbox->add("broken", "{not a record");
    ASSERT_TRUE(outbox->mark({{records[0].id, protocol::Outcome::accepted, ""}}));
    auto secret = protocol::random_secret();
    std::filesystem::create_directory(dir.path() / "usb");
    auto written = client::export_bundle(*outbox, dir.path() / "usb", "kiosk-1", secret);
    ASSERT_TRUE(written) << written.error();
    EXPECT_EQ(written->count, 29u);  // not the delivered one, not the unparseable one
    EXPECT_EQ(outbox->counts()->queued, 30u);
    EXPECT_FALSE(client::export_bundle(*outbox, dir.path() / "missing", "kiosk-1", secret));
}

TEST(SyncFiles, AWriteWithProgressGoesOutInChunksAndKeepsEveryByte) {
    TempDir dir;
    std::string data(9u << 20, '\0');
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>('a' + i % 26);
    std::vector<double> fractions;
    ASSERT_TRUE(
        protocol::write_file_atomic(dir.path() / "big.bundle", data, 0644, [&](double f) { fractions.push_back(f); }));
    // 0, then one step per 4 MiB chunk: 4/9, 8/9, 1.
    ASSERT_EQ(fractions.size(), 4u);
    EXPECT_DOUBLE_EQ(fractions[0], 0.0);
    EXPECT_NEAR(fractions[1], 4.0 / 9.0, 1e-9);
    EXPECT_NEAR(fractions[2], 8.0 / 9.0, 1e-9);
    EXPECT_DOUBLE_EQ(fractions[3], 1.0);
    auto back = protocol::read_file(dir.path() / "big.bundle", 16u << 20);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, data);
}

TEST(SyncBundle, ExportReportsItsStagesInOrderAndWritingReachesTheEnd) {
    TempDir dir;
    auto outbox = TestOutbox::open(dir.path() / "outbox.db");
    RecordMaker maker("kiosk-1", some_box_key(), 2);
    queue_records(*outbox, maker, 40);
    std::filesystem::create_directory(dir.path() / "usb");
    std::vector<std::pair<protocol::BundleStage, double>> seen;
    auto written = client::export_bundle(
        *outbox, dir.path() / "usb", "kiosk-1", protocol::random_secret(), std::chrono::system_clock::now(),
        [&](protocol::BundleStage stage, double fraction) { seen.emplace_back(stage, fraction); });
    ASSERT_TRUE(written) << written.error();
    ASSERT_GE(seen.size(), 4u);
    EXPECT_EQ(seen.front().first, protocol::BundleStage::reading_queue);
    EXPECT_EQ(seen.back().first, protocol::BundleStage::verifying);
    // Stages never go back, and within writing the fraction only grows, up to the whole file.
    double last_writing = -1.0;
    for (std::size_t i = 1; i < seen.size(); ++i) {
        EXPECT_GE(static_cast<int>(seen[i].first), static_cast<int>(seen[i - 1].first));
        if (seen[i].first == protocol::BundleStage::writing) {
            EXPECT_GE(seen[i].second, last_writing);
            last_writing = seen[i].second;
        }
    }
    EXPECT_DOUBLE_EQ(last_writing, 1.0);
}

TEST(SyncKioskFiles, ProvisioningFilesMergeConfigAndProtectTheSecret) {
    TempDir dir;
    auto data = dir.path() / "data";
    std::filesystem::create_directories(data);
    ASSERT_TRUE(protocol::write_file_atomic(data / "config.json", R"({"lang":"ar","kiosk_id":"old"})"));
    protocol::KioskIdentity identity{"kiosk-9", "http://127.0.0.1:1", protocol::random_secret(), some_box_key()};
    ASSERT_TRUE(protocol::write_kiosk_identity(data, identity));
    auto config = nlohmann::json::parse(*protocol::read_file(data / "config.json"));
    EXPECT_EQ(config["lang"], "ar");
    EXPECT_EQ(config["kiosk_id"], "kiosk-9");
    struct stat st {};
    ASSERT_EQ(::stat((data / "keys" / "kiosk.secret").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    auto secret_text = *protocol::read_file(data / "keys" / "kiosk.secret");
    EXPECT_EQ(secret_text, protocol::to_hex(identity.secret) + "\n");
    auto loaded = protocol::load_kiosk_identity(data);
    ASSERT_TRUE(loaded) << loaded.error();
    EXPECT_EQ(loaded->secret, identity.secret);
    EXPECT_EQ(loaded->hq_box_public, identity.hq_box_public);

    ASSERT_TRUE(protocol::write_file_atomic(data / "config.json", "[1]"));
    EXPECT_FALSE(protocol::write_kiosk_identity(data, identity));  // never clobbers what it cannot read
    EXPECT_EQ(*protocol::read_file(data / "config.json"), "[1]");
    EXPECT_FALSE(protocol::is_valid_kiosk_id("a/b"));
    EXPECT_FALSE(protocol::is_valid_kiosk_id(""));
}

}  // namespace
}  // namespace kiosk_sync::testkit
