// Specification of failures as values: a full disk, a read-only or impossible data
// directory, a corrupt file, a lock held too long. The visitor's record is never lost or
// half-stored, and nothing crashes.
#include <gtest/gtest.h>

#include <fstream>

#include <unistd.h>

#include "store_fixture.h"
#include "sync/protocol/sql/sqlite.h"

namespace kiosk::store {
namespace {

using namespace testing;

std::int64_t count_rows(const std::filesystem::path& dir, const char* table) {
    auto db = sql::open_sqlite(dir / "kiosk.db", {});
    return *db->query_int(std::string("SELECT COUNT(*) FROM ") + table);
}

TEST(DiskFull, IsAnErrorValueAndTheRecordIsUntouched) {
    TempDir tmp;
    const HqKeys keys = HqKeys::generate();
    StoreOptions options = options_for(keys);
    options.max_db_bytes = 160 * 1024;  // a "disk" that fills after a few dozen requests
    auto store = Store::open(tmp.path(), options);
    ASSERT_TRUE(store) << store.error().detail;

    domain::SupportRequest request = sample_request();
    request.description = std::string(1500, 'x');  // bigger records fill it sooner
    const domain::Record record{request};
    const domain::Record before = record;
    int accepted = 0;
    Result<Receipt> receipt;
    while ((receipt = store->submit(record)) && accepted < 1000) ++accepted;
    ASSERT_FALSE(receipt) << "the cap was never reached";
    EXPECT_EQ(receipt.error().kind, StoreErrorKind::disk_full) << receipt.error().detail;
    EXPECT_EQ(message_key(receipt.error().kind), "store.error.disk_full");
    EXPECT_EQ(record, before) << "the form keeps its contents";
    EXPECT_GT(accepted, 3);

    // Nothing half-stored: every table holds exactly the acknowledged records.
    EXPECT_EQ(count_rows(tmp.path(), "submissions"), accepted);
    EXPECT_EQ(count_rows(tmp.path(), "sealed"), accepted);
    EXPECT_EQ(count_rows(tmp.path(), "outbox"), accepted);
    EXPECT_TRUE(*store->integrity_ok());
    // Reads still work, and a smaller record may still fit or fail the same calm way.
    EXPECT_EQ(store->outbox_batch(1000, 1 << 30)->size(), static_cast<std::size_t>(accepted));

    // Space freed (here: the cap lifted) and the same record goes through.
    store = Store::open(tmp.path(), options_for(keys));
    ASSERT_TRUE(store);
    EXPECT_TRUE(store->submit(record));
}

// Root ignores permission bits, so as root a read-only place is one the kernel refuses.
std::filesystem::path unwritable_existing_dir(const TempDir& tmp) {
    if (::geteuid() == 0) return "/sys";
    std::filesystem::create_directories(tmp.path() / "ro");
    std::filesystem::permissions(tmp.path() / "ro",
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    return tmp.path() / "ro";
}

TEST(DataDirectory, ReadOnlyIsAClearErrorValue) {
    TempDir tmp;
    const auto dir = unwritable_existing_dir(tmp);
    auto store = Store::open(dir, options_for(HqKeys::generate()));
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().kind, StoreErrorKind::read_only) << store.error().detail;
    EXPECT_EQ(message_key(store.error().kind), "store.error.read_only");
}

TEST(DataDirectory, MissingAndNotCreatableIsAClearErrorValue) {
    TempDir tmp;
    const auto dir = unwritable_existing_dir(tmp) / "kiosk-data";
    auto store = Store::open(dir, options_for(HqKeys::generate()));
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().kind, StoreErrorKind::read_only) << store.error().detail;
}

TEST(DataDirectory, APathThroughAFileIsAClearErrorValue) {
    TempDir tmp;
    std::ofstream(tmp.path() / "file") << "x";
    for (const auto& dir : {tmp.path() / "file", tmp.path() / "file" / "data"}) {
        auto store = Store::open(dir, options_for(HqKeys::generate()));
        ASSERT_FALSE(store);
        EXPECT_EQ(store.error().kind, StoreErrorKind::io) << store.error().detail;
    }
    auto empty = Store::open("", options_for(HqKeys::generate()));
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().kind, StoreErrorKind::io);
}

TEST(Corruption, ANonDatabaseFileIsReportedAsCorrupt) {
    TempDir tmp;
    std::ofstream(tmp.path() / "kiosk.db") << std::string(8192, 'x');
    auto store = Store::open(tmp.path(), options_for(HqKeys::generate()));
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().kind, StoreErrorKind::corrupt) << store.error().detail;
}

TEST(Busy, ALockHeldPastTheTimeoutIsAnErrorValueNotAHang) {
    TempDir tmp;
    StoreOptions options = options_for(HqKeys::generate());
    options.busy_timeout = std::chrono::milliseconds(100);
    auto store = Store::open(tmp.path(), options);
    ASSERT_TRUE(store);
    auto other = sql::open_sqlite(tmp.path() / "kiosk.db", {});
    ASSERT_TRUE(other->exec("BEGIN IMMEDIATE"));

    const domain::Record record{sample_feedback()};
    auto receipt = store->submit(record);
    ASSERT_FALSE(receipt);
    EXPECT_EQ(receipt.error().kind, StoreErrorKind::busy) << receipt.error().detail;
    EXPECT_TRUE(store->outbox_batch(10, 1 << 20)->empty()) << "WAL: reading is not blocked";

    ASSERT_TRUE(other->exec("COMMIT"));
    EXPECT_TRUE(store->submit(record));
}

TEST(ErrorKinds, EveryKindHasAMessageKey) {
    for (auto kind : {StoreErrorKind::disk_full, StoreErrorKind::read_only, StoreErrorKind::corrupt,
                      StoreErrorKind::busy, StoreErrorKind::newer_schema, StoreErrorKind::io,
                      StoreErrorKind::not_provisioned, StoreErrorKind::not_found, StoreErrorKind::internal}) {
        EXPECT_EQ(message_key(kind), "store.error." + std::string(to_string(kind)));
    }
}

}  // namespace
}  // namespace kiosk::store
