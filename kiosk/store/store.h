// kiosk/store/store.h — the kiosk's durable storage: submissions, sealed personal data,
// outbox, request statuses, satisfaction figures, settings. One SQLite file, DIR/kiosk.db.
//
// For: the UI (submit, status look-up, staff screens) and the sync worker (outbox batches,
// marking, statuses). Every call returns std::expected<T, StoreError>; nothing throws.
// Not for: validation (kiosk/domain: pass only records from domain::validate) or HTTP.
//
// Guarantees
//  - submit() seals the personal fields to HQ's public key, then writes the submission, its
//    sealed box and its outbox row in ONE transaction, and returns only after COMMIT with
//    synchronous=FULL: a receipt means the record survives a crash or power cut.
//  - On any error nothing of the record is stored, and the caller's record is untouched
//    (taken by const reference), so the form keeps its contents for another try.
//
// Thread rules
//  - A Store is one SQLite connection. Use it from one thread at a time (the UI thread owns
//    one; the sync worker opens its own Store on the same directory). Never share one.
//  - WAL: readers never block the writer and the writer never blocks readers. Writers take
//    the lock at BEGIN IMMEDIATE and wait up to busy_timeout for each other; every write
//    transaction here is short (one record, or one batch of marks), so the UI waits at most
//    milliseconds. A wait past busy_timeout is StoreErrorKind::busy, not a hang.
#pragma once

#include <chrono>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/domain/random.h"
#include "kiosk/domain/records.h"
#include "kiosk/store/error.h"
#include "kiosk/store/sealing.h"
#include "kiosk/store/types.h"
#include "sync/protocol/sql/sql.h"

namespace kiosk::store {

namespace sql = kiosk_sync::sql;

struct StoreOptions {
    std::string kiosk_id;                    // goes into every record ("kiosk" on the wire)
    std::optional<PublicKey> hq_public_key;  // default: DIR/keys/hq_box.pub
    std::chrono::milliseconds busy_timeout{5000};
    std::int64_t max_db_bytes = 0;           // 0: no cap. A cap makes a filling disk a disk_full error early
    int utc_offset_minutes = 180;            // local day boundaries for the dashboard (Saudi Arabia: UTC+3)
    std::function<std::int64_t()> clock_ms;  // default: system clock, ms since the epoch
    domain::RandomSource random;             // default: domain::system_random()
};

inline constexpr std::string_view kDatabaseFile = "kiosk.db";

class Store {
public:
    // Creates DIR (mode 0700) if missing, opens or creates DIR/kiosk.db, upgrades an older
    // schema in one transaction. Errors: read_only (DIR or the database not writable),
    // io (DIR is not a directory…), corrupt, newer_schema, busy. A missing HQ key is not an
    // error here (staff screens still work); submit() then fails with not_provisioned.
    static Result<Store> open(const std::filesystem::path& data_dir, StoreOptions options = {});

    // ---- visitor ---------------------------------------------------------------------
    Result<Receipt> submit(const domain::Record& record);
    // `reference` as typed or canonical (domain::parse_reference is applied; a malformed one
    // finds nothing — call parse_reference first to show the visitor its message key).
    Result<StatusLookup> lookup(std::string_view reference);

    // ---- sync worker -----------------------------------------------------------------
    // Queued records, oldest first: at most `max_records`, and no more than `max_bytes` of
    // wire JSON — except that the first record is always included, so one large record can
    // never stall the queue.
    Result<std::vector<OutboxItem>> outbox_batch(std::size_t max_records, std::size_t max_bytes);
    // Applies HQ's verdicts in one transaction. Only queued rows change (a late reply cannot
    // undo what staff did); returns how many changed.
    Result<std::size_t> mark(std::span<const OutboxOutcome> outcomes);
    Result<bool> mark_sent(std::string_view id);
    Result<bool> mark_duplicate(std::string_view id);
    Result<bool> mark_rejected(std::string_view id, std::string_view reason);
    // Statuses from HQ; an older update never overwrites a newer one, and notes are kept
    // cleaned and capped (types.h, RequestStatus). Returns how many applied.
    Result<std::size_t> upsert_statuses(std::span<const RequestStatus> statuses);
    Result<std::optional<OutboxItem>> outbox_record(std::string_view id);

    // ---- staff -----------------------------------------------------------------------
    Result<std::vector<StateCount>> counts();
    Result<std::vector<OutboxEntry>> list_outbox(OutboxState state, std::size_t limit);
    // A rejected record sent again, by a deliberate staff action only.
    Result<bool> requeue(std::string_view id);
    Result<Satisfaction> satisfaction(std::int64_t since_ms = 0);
    // The last `days` local days up to today (at most 3660), oldest first, every day present.
    Result<std::vector<DaySatisfaction>> satisfaction_by_day(int days);
    Result<std::vector<PlaceSatisfaction>> satisfaction_by_place(std::int64_t since_ms = 0);
    // Ratings with a comment since then. Only the count: the text is sealed, read at HQ.
    Result<std::int64_t> rating_comment_count(std::int64_t since_ms = 0);
    Result<std::optional<std::string>> setting(std::string_view key);
    Result<> set_setting(std::string_view key, std::string_view value);
    Result<bool> integrity_ok();  // PRAGMA integrity_check
    bool can_submit() const { return key_.has_value(); }

private:
    Store(sql::Connection db, StoreOptions options, std::optional<PublicKey> key);
    Result<std::optional<RequestStatus>> status_of(const std::string& reference);
    Result<std::optional<LocalSubmission>> local_submission(const std::string& reference);
    Result<bool> reference_taken(const std::string& reference);
    Result<> insert(const Receipt& receipt, const domain::Record& record, const std::string& clear,
                    std::span<const std::uint8_t> box, const std::string& wire);
    std::int64_t now_ms() const;

    sql::Connection db_;
    StoreOptions options_;
    std::optional<PublicKey> key_;
};

}  // namespace kiosk::store
