// HQ's private key on disk, through the real kiosk-hq: init writes it only wrapped by a
// passphrase, decrypt opens it with the passphrase (a file or standard input) and says one calm
// line when that is wrong, protect-key wraps an older directory's plain key, and serve runs and
// ingests without the passphrase or the key at all.
#include <sodium.h>

#include <chrono>
#include <fstream>

#include <gtest/gtest.h>

#include "sync/client/http.h"
#include "sync/hq/key_vault.h"
#include "sync/protocol/file_io.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/signing.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/process.h"

namespace kiosk_sync::testkit {
namespace {

using Files = std::set<std::string>;

Files files_in(const std::filesystem::path& dir) {
    Files names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

std::filesystem::path keys_of(const HqSetup& setup) { return setup.hq_dir / "keys"; }

// The secret, opened here the way kiosk-hq opens it, as 32 raw bytes.
std::string secret_of(const HqSetup& setup) {
    auto wrapped = protocol::read_file(keys_of(setup) / "hq_box.key.wrapped");
    EXPECT_TRUE(wrapped) << (wrapped ? "" : wrapped.error());
    if (!wrapped) return {};
    auto key = hq::unwrap_key(*wrapped, kHqPassphrase);
    EXPECT_TRUE(key);
    if (!key) return {};
    return std::string(reinterpret_cast<const char*>(key->data()), hq::GuardedKey::kSize);
}

std::string hex_of(std::string_view bytes) {
    return protocol::to_hex({reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()});
}

int lines_in(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

std::vector<std::string> decrypt_args(const HqSetup& setup) {
    return {"decrypt", "--dir", setup.hq_dir.string(), "--json"};
}

std::vector<std::string> with_passphrase_file(std::vector<std::string> args, const std::filesystem::path& file) {
    args.push_back("--passphrase-file");
    args.push_back(file.string());
    return args;
}

// The way a directory made before wrapping looked: the secret in hex in keys/hq_box.key.
void make_it_an_older_directory(const HqSetup& setup) {
    const auto secret = secret_of(setup);
    ASSERT_EQ(secret.size(), 32u);
    ASSERT_TRUE(protocol::write_file_atomic(keys_of(setup) / "hq_box.key", hex_of(secret) + "\n", 0600));
    std::filesystem::remove(keys_of(setup) / "hq_box.key.wrapped");
}

TEST(SyncHqKey, InitWritesTheSecretOnlyWrapped) {
    TempDir temp;
    HqSetup setup(temp.path());
    EXPECT_EQ(files_in(keys_of(setup)), (Files{"hq_box.key.wrapped", "hq_box.pub"}));
    const auto perms = std::filesystem::status(keys_of(setup) / "hq_box.key.wrapped").permissions();
    EXPECT_EQ(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
              std::filesystem::perms::none);

    const auto secret = secret_of(setup);
    ASSERT_EQ(secret.size(), 32u);
    // The wrapped secret is the private half of the public key kiosks seal to.
    protocol::BoxPublicKey derived{};
    crypto_scalarmult_base(derived.data(), reinterpret_cast<const unsigned char*>(secret.data()));
    EXPECT_EQ(derived, setup.identity.hq_box_public);
    // No file anywhere, HQ's or the kiosk's, holds the secret in hex or in raw bytes.
    const std::string hex = hex_of(secret);
    for (const auto& entry : std::filesystem::recursive_directory_iterator(temp.path())) {
        if (!entry.is_regular_file()) continue;
        const auto text = protocol::read_file(entry.path());
        ASSERT_TRUE(text) << entry.path();
        EXPECT_EQ(text->find(hex), std::string::npos) << entry.path();
        EXPECT_EQ(text->find(secret), std::string::npos) << entry.path();
    }
}

TEST(SyncHqKey, TheRightPassphraseOpensRecordsAWrongOneIsOneCalmLine) {
    TempDir temp;
    HqSetup setup(temp.path());
    RecordMaker maker("kiosk-1", setup.identity.hq_box_public, 41);
    std::vector<VisitorRecord> records = {maker.with_kind("support_request")};
    ASSERT_EQ(run_hq({"import", "--dir", setup.hq_dir, bundle_of(temp.path(), setup, records, "usb")}).exit_code, 0);

    ASSERT_TRUE(protocol::write_file_atomic(temp.path() / "wrong", "not the passphrase at all\n", 0600));
    for (const auto& wrong : {run_hq(with_passphrase_file(decrypt_args(setup), temp.path() / "wrong")),
                              run_hq(decrypt_args(setup), "also not the passphrase\n")}) {
        EXPECT_EQ(wrong.exit_code, 1);
        EXPECT_EQ(wrong.out, "");
        EXPECT_EQ(lines_in(wrong.err), 1) << wrong.err;
        EXPECT_NE(wrong.err.find("the passphrase does not open the key"), std::string::npos) << wrong.err;
    }
    auto none = run_hq(decrypt_args(setup));
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_EQ(lines_in(none.err), 1) << none.err;
    EXPECT_NE(none.err.find("--passphrase-file"), std::string::npos) << none.err;
    EXPECT_EQ(run_hq(with_passphrase_file(decrypt_args(setup), temp.path() / "missing")).exit_code, 1);

    // From standard input, with the line ending a file written on Windows would have.
    auto right = run_hq(decrypt_args(setup), std::string(kHqPassphrase) + "\r\n");
    ASSERT_EQ(right.exit_code, 0) << right.err;
    auto decrypted = nlohmann::json::parse(right.out);
    ASSERT_EQ(decrypted.size(), 1u);
    EXPECT_EQ(decrypted[0]["personal"], records[0].personal);
    expect_exactly_once(setup.hq_dir, records);
}

TEST(SyncHqKey, InitRefusesAShortPassphraseAndTakesOneFromStandardInput) {
    TempDir temp;
    const auto hq_dir = temp.path() / "hq";
    auto short_one = run_hq({"init", "--dir", hq_dir, "--kdf", "interactive"}, "short\n");
    EXPECT_EQ(short_one.exit_code, 1);
    EXPECT_EQ(lines_in(short_one.err), 1) << short_one.err;
    EXPECT_NE(short_one.err.find("at least 10 characters"), std::string::npos) << short_one.err;
    EXPECT_FALSE(std::filesystem::exists(hq_dir));
    EXPECT_EQ(run_hq({"init", "--dir", hq_dir, "--kdf", "cheap"}, "long enough passphrase\n").exit_code, 2);
    EXPECT_FALSE(std::filesystem::exists(hq_dir));

    auto init = run_hq({"init", "--dir", hq_dir, "--kdf", "interactive"}, "long enough passphrase\n");
    ASSERT_EQ(init.exit_code, 0) << init.err;
    EXPECT_EQ(files_in(hq_dir / "keys"), (Files{"hq_box.key.wrapped", "hq_box.pub"}));
    EXPECT_EQ(run_hq({"decrypt", "--dir", hq_dir}, "long enough passphrase\n").exit_code, 0);
    EXPECT_EQ(run_hq({"decrypt", "--dir", hq_dir}, "long enough passphrasE\n").exit_code, 1);
}

TEST(SyncHqKey, ProtectKeyWrapsAnOlderPlainKeyAndDecryptStillWorks) {
    TempDir temp;
    HqSetup setup(temp.path());
    RecordMaker maker("kiosk-1", setup.identity.hq_box_public, 42);
    std::vector<VisitorRecord> records = {maker.with_kind("support_request"), maker.with_kind("volunteer")};
    ASSERT_EQ(run_hq({"import", "--dir", setup.hq_dir, bundle_of(temp.path(), setup, records, "usb")}).exit_code, 0);
    const auto plain_text = [&] {
        make_it_an_older_directory(setup);
        return *protocol::read_file(keys_of(setup) / "hq_box.key");
    }();

    // The older directory still opens without a passphrase, and says how to protect it.
    auto old = run_hq(decrypt_args(setup));
    ASSERT_EQ(old.exit_code, 0) << old.err;
    EXPECT_EQ(nlohmann::json::parse(old.out).size(), 2u);
    EXPECT_EQ(lines_in(old.err), 1) << old.err;
    EXPECT_NE(old.err.find("kiosk-hq protect-key"), std::string::npos) << old.err;

    const auto pass = passphrase_file(setup.hq_dir);
    const std::vector<std::string> protect{"protect-key", "--dir", setup.hq_dir.string(), "--kdf", "interactive"};
    auto wrapped = run_hq(with_passphrase_file(protect, pass));
    ASSERT_EQ(wrapped.exit_code, 0) << wrapped.err;
    EXPECT_NE(wrapped.out.find("now wrapped"), std::string::npos) << wrapped.out;
    EXPECT_EQ(files_in(keys_of(setup)), (Files{"hq_box.key.wrapped", "hq_box.pub"}));
    expect_exactly_once(setup.hq_dir, records);
    auto quiet = run_hq(with_passphrase_file(decrypt_args(setup), pass));
    EXPECT_EQ(quiet.exit_code, 0);
    EXPECT_EQ(quiet.err, "");

    // Again: nothing to do, and no passphrase asked for.
    auto again = run_hq(protect);
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find("already wrapped"), std::string::npos) << again.out;

    // A run stopped before the plain file went: the next one checks they match and removes it.
    ASSERT_TRUE(protocol::write_file_atomic(keys_of(setup) / "hq_box.key", plain_text, 0600));
    EXPECT_EQ(run_hq(protect).exit_code, 1);  // the passphrase is needed to compare them
    EXPECT_TRUE(std::filesystem::exists(keys_of(setup) / "hq_box.key"));
    auto finished = run_hq(with_passphrase_file(protect, pass));
    EXPECT_EQ(finished.exit_code, 0) << finished.err;
    EXPECT_NE(finished.out.find("unwrapped copy is now removed"), std::string::npos) << finished.out;
    EXPECT_EQ(files_in(keys_of(setup)), (Files{"hq_box.key.wrapped", "hq_box.pub"}));

    // Another key in the plain file: both are kept, for a person to sort out.
    ASSERT_TRUE(protocol::write_file_atomic(keys_of(setup) / "hq_box.key",
                                            protocol::key_file_text(protocol::random_secret()), 0600));
    auto different = run_hq(with_passphrase_file(protect, pass));
    EXPECT_EQ(different.exit_code, 1);
    EXPECT_NE(different.err.find("hold different keys"), std::string::npos) << different.err;
    EXPECT_EQ(files_in(keys_of(setup)), (Files{"hq_box.key", "hq_box.key.wrapped", "hq_box.pub"}));
    std::filesystem::remove(keys_of(setup) / "hq_box.key");
    expect_exactly_once(setup.hq_dir, records);
}

TEST(SyncHqKey, ServeStartsAndIngestsWithoutThePassphrase) {
    TempDir temp;
    HqSetup setup(temp.path());
    // Not even the wrapped key is there while serve runs; its standard input is empty.
    std::filesystem::rename(keys_of(setup) / "hq_box.key.wrapped", temp.path() / "wrapped.away");
    RecordMaker maker("kiosk-1", setup.identity.hq_box_public, 43);
    std::vector<VisitorRecord> records = {maker.with_kind("support_request"), maker.with_kind("feedback")};
    {
        HqServer hq(setup.hq_dir);
        std::vector<std::string_view> texts;
        for (const auto& r : records) texts.push_back(r.json);
        const auto body = protocol::submission_body("kiosk-1", texts);
        const auto now =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        const auto auth =
            protocol::sign_request(setup.identity.secret, "kiosk-1", "POST", "/v1/submissions", body, now);
        client::HttpClient http{client::HttpOptions{}};
        auto response = http.request("POST", "http://127.0.0.1:" + std::to_string(hq.port()) + "/v1/submissions",
                                     testkit::auth_headers(auth), body);
        ASSERT_TRUE(response) << response.error().message;
        ASSERT_EQ(response->status, 200) << response->body;
        auto reply = protocol::parse_batch_reply(response->body);
        ASSERT_TRUE(reply);
        for (const auto& result : reply->results) EXPECT_EQ(result.outcome, protocol::Outcome::accepted);
        EXPECT_EQ(hq.stop(), 0);
    }
    std::filesystem::rename(temp.path() / "wrapped.away", keys_of(setup) / "hq_box.key.wrapped");
    expect_exactly_once(setup.hq_dir, records);
}

}  // namespace
}  // namespace kiosk_sync::testkit
