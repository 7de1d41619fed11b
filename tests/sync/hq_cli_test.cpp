// kiosk-hq's command line: init, provision, list, decrypt, set-status, export, import —
// each run as a real process on a real HQ directory.
#include <gtest/gtest.h>

#include "sync/client/http.h"
#include "sync/protocol/file_io.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/postgres.h"
#include "tests/sync/process.h"

namespace kiosk_sync::testkit {
namespace {

TEST(SyncHqCli, InitKeepsKeysAndProvisionRotatesTheSecret) {
    TempDir temp;
    HqSetup setup(temp.path());
    auto key_before = *protocol::read_file(setup.hq_dir / "keys" / "hq_box.key.wrapped");
    // No passphrase is asked for (standard input is empty): there is no key to make.
    auto again = run_hq({"init", "--dir", setup.hq_dir});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(*protocol::read_file(setup.hq_dir / "keys" / "hq_box.key.wrapped"), key_before);
    EXPECT_EQ(*protocol::read_file(setup.kiosk_dir / "keys" / "hq_box.pub"),
              *protocol::read_file(setup.hq_dir / "keys" / "hq_box.pub"));
    for (const auto& secret :
         {setup.hq_dir / "hq.db", setup.hq_dir / "keys" / "hq_box.key.wrapped", setup.hq_dir / "keys"}) {
        // With --db the data is PostgreSQL's, and no hq.db is made beside the keys.
        if (hq_engine() == HqEngine::postgresql && secret.filename() == "hq.db") {
            EXPECT_FALSE(std::filesystem::exists(secret));
            continue;
        }
        auto perms = std::filesystem::status(secret).permissions();
        EXPECT_EQ(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
                  std::filesystem::perms::none)
            << secret;
    }
    auto provision = run_hq({"provision", "--dir", setup.hq_dir, "--kiosk", "kiosk-1", "--out", setup.kiosk_dir,
                             "--hq-url", "http://127.0.0.1:9"});
    EXPECT_EQ(provision.exit_code, 0) << provision.err;
    auto rotated = protocol::load_kiosk_identity(setup.kiosk_dir);
    ASSERT_TRUE(rotated);
    EXPECT_NE(rotated->secret, setup.identity.secret);
    EXPECT_EQ(rotated->hq_url, "http://127.0.0.1:9");
    EXPECT_EQ(run_hq({"provision", "--dir", setup.hq_dir, "--kiosk", "bad/id", "--out", temp.path() / "x"}).exit_code,
              1);
    EXPECT_EQ(
        run_hq({"provision", "--dir", temp.path() / "nohq", "--kiosk", "k", "--out", temp.path() / "y"}).exit_code, 1);
    EXPECT_EQ(run_hq({"list"}).exit_code, 2);
    EXPECT_EQ(run_hq({"frobnicate", "--dir", setup.hq_dir}).exit_code, 2);
}

TEST(SyncHqCli, ImportIsIdempotentAndRefusesTamperedBundles) {
    TempDir temp;
    HqSetup setup(temp.path());
    RecordMaker maker("kiosk-1", setup.identity.hq_box_public, 5);
    std::vector<VisitorRecord> records;
    for (int i = 0; i < 40; ++i) records.push_back(maker.next());
    auto bundle = bundle_of(temp.path(), setup, records, "usb");
    auto first = run_hq({"import", "--dir", setup.hq_dir, bundle});
    EXPECT_EQ(first.exit_code, 0) << first.err;
    EXPECT_NE(first.out.find("40 accepted, 0 duplicate, 0 rejected"), std::string::npos) << first.out;
    auto second = run_hq({"import", "--dir", setup.hq_dir, bundle});
    EXPECT_NE(second.out.find("0 accepted, 40 duplicate"), std::string::npos) << second.out;
    expect_exactly_once(setup.hq_dir, records);

    auto text = *protocol::read_file(bundle);
    text[text.size() - 50] ^= 0x02;
    ASSERT_TRUE(protocol::write_file_atomic(temp.path() / "tampered.bundle", text));
    auto tampered = run_hq({"import", "--dir", setup.hq_dir, temp.path() / "tampered.bundle"});
    EXPECT_EQ(tampered.exit_code, 1);
    EXPECT_NE(tampered.err.find("changed"), std::string::npos) << tampered.err;
    // A bundle signed with a secret HQ no longer has (the kiosk was re-provisioned).
    ASSERT_EQ(run_hq({"provision", "--dir", setup.hq_dir, "--kiosk", "kiosk-1", "--out", setup.kiosk_dir}).exit_code,
              0);
    EXPECT_EQ(run_hq({"import", "--dir", setup.hq_dir, bundle}).exit_code, 1);
    expect_exactly_once(setup.hq_dir, records);
}

TEST(SyncHqCli, ListShowsNoPersonalDataDecryptDoesAndStatusesShow) {
    TempDir temp;
    HqSetup setup(temp.path());
    RecordMaker maker("kiosk-1", setup.identity.hq_box_public, 6);
    std::vector<VisitorRecord> records = {maker.with_kind("support_request"), maker.with_kind("rating")};
    ASSERT_EQ(run_hq({"import", "--dir", setup.hq_dir, bundle_of(temp.path(), setup, records, "usb")}).exit_code, 0);
    EXPECT_EQ(run_hq({"set-status", "--dir", setup.hq_dir, records[0].reference, "accepted"}).exit_code, 0);
    EXPECT_EQ(run_hq({"set-status", "--dir", setup.hq_dir, records[0].reference, "maybe"}).exit_code, 2);
    EXPECT_EQ(run_hq({"set-status", "--dir", setup.hq_dir, "NOP-E000", "accepted"}).exit_code, 1);

    auto list = run_hq({"list", "--dir", setup.hq_dir, "--json"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    auto entries = nlohmann::json::parse(list.out);
    ASSERT_EQ(entries.size(), 2u);
    std::set<std::string> keys;
    for (const auto& item : entries[0].items()) keys.insert(item.key());
    EXPECT_EQ(keys, (std::set<std::string>{"id", "kind", "reference", "kiosk", "created", "status"}));
    EXPECT_EQ(entries[0]["status"], "accepted");
    EXPECT_EQ(entries[1]["status"], "received");
    auto name = records[0].personal["name"].get<std::string>();
    EXPECT_EQ(list.out.find(name), std::string::npos);
    auto table = run_hq({"list", "--dir", setup.hq_dir});
    EXPECT_NE(table.out.find(records[0].reference), std::string::npos);

    const auto pass = passphrase_file(setup.hq_dir).string();
    auto one = run_hq({"decrypt", "--dir", setup.hq_dir, "--passphrase-file", pass, "--json", records[0].reference});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    auto decrypted = nlohmann::json::parse(one.out);
    ASSERT_EQ(decrypted.size(), 1u);
    EXPECT_EQ(decrypted[0]["personal"], records[0].personal);
    EXPECT_NE(
        run_hq({"decrypt", "--dir", setup.hq_dir, "--passphrase-file", pass, records[0].reference}).out.find(name),
        std::string::npos);
    EXPECT_EQ(run_hq({"decrypt", "--dir", setup.hq_dir, "--passphrase-file", pass, "NOP-E000"}).exit_code, 1);
}

TEST(SyncHqCli, DecryptWithTheWrongKeyFails) {
    TempDir temp;
    HqSetup setup(temp.path());
    RecordMaker maker("kiosk-1", setup.identity.hq_box_public, 8);
    std::vector<VisitorRecord> records = {maker.with_kind("support_request"), maker.with_kind("feedback")};
    ASSERT_EQ(run_hq({"import", "--dir", setup.hq_dir, bundle_of(temp.path(), setup, records, "usb")}).exit_code, 0);
    // Another HQ's key pair in place of this one's, as after restoring the wrong backup.
    ASSERT_EQ(init_hq(temp.path() / "other").exit_code, 0);
    for (const char* file : {"hq_box.key.wrapped", "hq_box.pub"})
        std::filesystem::copy_file(temp.path() / "other" / "keys" / file, setup.hq_dir / "keys" / file,
                                   std::filesystem::copy_options::overwrite_existing);
    for (bool json : {true, false}) {
        std::vector<std::string> args{"decrypt", "--dir", setup.hq_dir, "--passphrase-file",
                                      passphrase_file(setup.hq_dir)};
        if (json) args.push_back("--json");
        auto result = run_hq(args);
        EXPECT_EQ(result.exit_code, 1);
        EXPECT_NE(result.err.find("2 of 2 records could not be opened"), std::string::npos) << result.err;
    }
}

TEST(SyncHqCli, ImportPrintsNothingOfABundleHeadersForgedKiosk) {
    TempDir temp;
    HqSetup setup(temp.path());
    RecordMaker maker("kiosk-1", setup.identity.hq_box_public, 9);
    auto bundle = bundle_of(temp.path(), setup, {maker.next()}, "usb");
    auto text = *protocol::read_file(bundle);
    auto at = text.find("\"kiosk-1\"");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 9, "\"\\u001b]0;owned\\u0007\\u001b[2J\"");
    ASSERT_TRUE(protocol::write_file_atomic(temp.path() / "forged.bundle", text));
    auto result = run_hq({"import", "--dir", setup.hq_dir, temp.path() / "forged.bundle"});
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_NE(result.err.find("not a kiosk id"), std::string::npos) << result.err;
    EXPECT_EQ(result.err.find('\x1b'), std::string::npos);
    EXPECT_EQ(result.out.find('\x1b'), std::string::npos);
}

TEST(SyncHqCli, ExportWritesCsvWithoutPersonalDataOrFormulas) {
    TempDir temp;
    HqSetup setup(temp.path());
    RecordMaker maker("kiosk-1", setup.identity.hq_box_public, 7);
    std::vector<VisitorRecord> records = {maker.with_kind("rating"), maker.with_kind("support_request")};
    ASSERT_EQ(run_hq({"import", "--dir", setup.hq_dir, bundle_of(temp.path(), setup, records, "usb")}).exit_code, 0);
    ASSERT_EQ(run_hq({"set-status", "--dir", setup.hq_dir, records[1].reference, "accepted", "--note-ar", "=1+1 تم"})
                  .exit_code,
              0);
    auto csv_path = temp.path() / "out.csv";
    auto result = run_hq({"export", "--dir", setup.hq_dir, "--csv", csv_path});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    auto csv = *protocol::read_file(csv_path);
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBFid,kind,reference,kiosk,created,received,via,status,note", 0), 0u);
    EXPECT_NE(csv.find("'=1+1 تم"), std::string::npos);  // would be a formula in a spreadsheet
    // The rating came from an older kiosk with its comment in the clear: HQ kept only that it had one.
    EXPECT_NE(csv.find("clear.has_comment"), std::string::npos);
    EXPECT_EQ(csv.find("ممتاز"), std::string::npos);
    EXPECT_EQ(csv.find("clear.comment"), std::string::npos);
    EXPECT_EQ(csv.find(records[1].personal["mobile"].get<std::string>()), std::string::npos);
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);
}

}  // namespace
}  // namespace kiosk_sync::testkit
