// Opening the store and committing submissions; see store.h for the guarantees.
// Queries live beside this file: outbox.cpp, statuses.cpp, satisfaction.cpp.
#include "kiosk/store/store.h"

#include <sodium.h>

#include "kiosk/domain/ids.h"
#include "kiosk/domain/reference.h"
#include "kiosk/store/codec.h"
#include "kiosk/store/data_dir.h"
#include "kiosk/store/schema.h"
#include "sync/protocol/record.h"
#include "sync/protocol/sql/sqlite.h"

namespace kiosk::store {
namespace {

// open_sqlite already set WAL, synchronous=FULL, foreign keys and the busy timeout.
Result<> configure(sql::Connection& db, const StoreOptions& options) {
    if (options.max_db_bytes > 0) {
        Result<std::int64_t> page = db.query_int("PRAGMA page_size");
        if (!page) return std::unexpected(std::move(page.error()));
        const std::int64_t pages = std::max<std::int64_t>(1, options.max_db_bytes / *page);
        if (auto rc = db.exec("PRAGMA max_page_count = " + std::to_string(pages)); !rc) return rc;
    }
    return {};
}

StoreOptions with_defaults(StoreOptions options) {
    if (!options.clock_ms) {
        options.clock_ms = [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                .count();
        };
    }
    if (!options.random) options.random = domain::system_random();
    return options;
}

}  // namespace

Store::Store(sql::Connection db, StoreOptions options, std::optional<PublicKey> key)
    : db_(std::move(db)), options_(std::move(options)), key_(key) {}

std::int64_t Store::now_ms() const { return options_.clock_ms(); }

Result<Store> Store::open(const std::filesystem::path& data_dir, StoreOptions options) {
    if (auto dir = prepare_data_dir(data_dir); !dir) return std::unexpected(std::move(dir.error()));
    const std::filesystem::path file = data_dir / kDatabaseFile;
    if (auto created = create_private_file(file); !created) return std::unexpected(std::move(created.error()));
    Result<sql::Connection> db = sql::open_sqlite(file, {.create = false, .busy_timeout = options.busy_timeout});
    if (!db) return std::unexpected(std::move(db.error()));
    // Migrations before the size cap: the cap keeps visitors' records from filling the disk,
    // and must not refuse the schema's own upgrade (a rebuilt table needs its new pages before
    // the old ones are freed), or a kiosk at its cap could never open again after an update.
    if (auto version = sql::migrate(*db, migrations()); !version) return std::unexpected(std::move(version.error()));
    if (auto rc = configure(*db, options); !rc) return std::unexpected(std::move(rc.error()));
    std::optional<PublicKey> key = options.hq_public_key;
    if (!key) {
        if (auto loaded = load_public_key(data_dir / "keys" / "hq_box.pub")) key = *loaded;
    }
    return Store(std::move(*db), with_defaults(std::move(options)), key);
}

Result<bool> Store::reference_taken(const std::string& reference) {
    auto q = db_.prepare(
        "SELECT EXISTS (SELECT 1 FROM submissions WHERE reference = ?1)"
        " OR EXISTS (SELECT 1 FROM statuses WHERE reference = ?1)");
    if (!q) return std::unexpected(std::move(q.error()));
    q->bind(1, reference);
    auto row = q->step();
    if (!row) return std::unexpected(std::move(row.error()));
    return *row && q->int64(0) != 0;
}

Result<> Store::insert(const Receipt& receipt, const domain::Record& record, const std::string& clear,
                       std::span<const std::uint8_t> box, const std::string& wire) {
    auto s =
        db_.prepare("INSERT INTO submissions (id, kind, reference, created_ms, clear_json) VALUES (?, ?, ?, ?, ?)");
    if (!s) return std::unexpected(std::move(s.error()));
    s->bind(1, receipt.id)
        .bind(2, domain::wire_name(domain::kind_of(record)))
        .bind(4, receipt.created_ms)
        .bind(5, clear);
    if (receipt.reference.empty()) s->bind_null(3);
    else s->bind(3, receipt.reference);
    if (auto rc = s->run(); !rc) return rc;
    if (!box.empty()) {
        s = db_.prepare("INSERT INTO sealed (submission_id, box) VALUES (?, ?)");
        if (!s) return std::unexpected(std::move(s.error()));
        if (auto rc = s->bind(1, receipt.id).bind_blob(2, box).run(); !rc) return rc;
    }
    s = db_.prepare("INSERT INTO outbox (submission_id, wire, bytes, updated_ms) VALUES (?, ?, ?, ?)");
    if (!s) return std::unexpected(std::move(s.error()));
    s->bind(1, receipt.id).bind(2, wire).bind(3, static_cast<std::int64_t>(wire.size())).bind(4, receipt.created_ms);
    if (auto rc = s->run(); !rc) return rc;
    if (const auto* rating = std::get_if<domain::ServiceRating>(&record)) {
        s = db_.prepare(
            "INSERT INTO ratings (submission_id, created_ms, overall, wait, courtesy, clarity, ease, service, counter,"
            " has_comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!s) return std::unexpected(std::move(s.error()));
        s->bind(1, receipt.id).bind(2, receipt.created_ms).bind(3, rating->overall).bind(8, rating->service);
        int column = 4;
        for (const std::optional<int>& score : {rating->wait, rating->courtesy, rating->clarity, rating->ease}) {
            if (score) s->bind(column++, *score);
            else s->bind_null(column++);
        }
        if (rating->counter) s->bind(9, *rating->counter);
        else s->bind_null(9);
        s->bind(10, rating->comment.empty() ? 0 : 1);  // the comment itself is only in the sealed box
        if (auto rc = s->run(); !rc) return rc;
    }
    return {};
}

Result<Receipt> Store::submit(const domain::Record& record) {
    if (!key_) return std::unexpected(StoreError{StoreErrorKind::not_provisioned, "no HQ public key", 0});
    const Encoded encoded = encode(record);
    std::vector<std::uint8_t> box;
    if (!encoded.personal.empty()) {
        std::string plain = encoded.personal.dump();
        auto sealed_box = seal(plain, *key_);
        sodium_memzero(plain.data(), plain.size());  // the only clear copy we made
        if (!sealed_box) return std::unexpected(std::move(sealed_box.error()));
        box = std::move(*sealed_box);
    }
    const std::int64_t now = now_ms();
    kiosk_sync::protocol::Record wire{
        domain::new_uuid_v7(now, options_.random), std::string(encoded.kind), "", options_.kiosk_id, now, encoded.clear,
        box.empty() ? "" : to_base64(box)};
    Result<sql::Transaction> tx = sql::Transaction::begin(db_);
    if (!tx) return std::unexpected(std::move(tx.error()));
    if (encoded.has_reference) {
        // 29^7 references: a clash is rare but possible; pick again inside the write lock.
        for (int attempt = 0; attempt < 16 && wire.reference.empty(); ++attempt) {
            std::string candidate = domain::new_reference(options_.random);
            Result<bool> taken = reference_taken(candidate);
            if (!taken) return std::unexpected(std::move(taken.error()));
            if (!*taken) wire.reference = std::move(candidate);
        }
        if (wire.reference.empty())
            return std::unexpected(StoreError{StoreErrorKind::internal, "no free reference", 0});
    }
    const Receipt receipt{wire.id, wire.reference, wire.created_ms};
    if (auto rc = insert(receipt, record, encoded.clear.dump(), box, kiosk_sync::protocol::serialize(wire)); !rc) {
        return std::unexpected(std::move(rc.error()));
    }
    if (auto rc = tx->commit(); !rc) return std::unexpected(std::move(rc.error()));
    return receipt;
}

Result<std::optional<std::string>> Store::setting(std::string_view key) {
    auto q = db_.prepare("SELECT value FROM settings WHERE key = ?");
    if (!q) return std::unexpected(std::move(q.error()));
    auto row = q->bind(1, key).step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return std::optional<std::string>{};
    return std::optional<std::string>{std::string(q->text(0))};
}

Result<> Store::set_setting(std::string_view key, std::string_view value) {
    auto s = db_.prepare(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!s) return std::unexpected(std::move(s.error()));
    return s->bind(1, key).bind(2, value).run();
}

Result<bool> Store::integrity_ok() {
    auto q = db_.prepare("PRAGMA integrity_check");
    if (!q) return std::unexpected(std::move(q.error()));
    auto row = q->step();
    if (!row) return std::unexpected(std::move(row.error()));
    return *row && q->text(0) == "ok";
}

}  // namespace kiosk::store
