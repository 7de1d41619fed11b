// Schema migrations; see schema.h. What is in the clear and what is sealed is decided in
// codec.cpp; these tables only hold what codec.cpp produced.
#include "kiosk/store/schema.h"

#include <array>
#include <string>

namespace kiosk::store {
namespace {

// Version 1: submissions (clear part), their sealed personal data, the outbox holding the
// exact wire JSON, rating scores for the dashboard, request statuses from HQ, settings.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE submissions (
    id          TEXT PRIMARY KEY NOT NULL,  -- UUIDv7, the idempotency key
    kind        TEXT NOT NULL CHECK (kind IN ('support_request', 'feedback', 'volunteer', 'rating')),
    reference   TEXT UNIQUE,                -- NULL for ratings
    created_ms  INTEGER NOT NULL,
    clear_json  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sealed (
    submission_id TEXT PRIMARY KEY NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    box           BLOB NOT NULL              -- crypto_box_seal(personal JSON, HQ public key)
) WITHOUT ROWID;

CREATE TABLE outbox (
    seq           INTEGER PRIMARY KEY,       -- send order
    submission_id TEXT NOT NULL UNIQUE REFERENCES submissions(id) ON DELETE CASCADE,
    state         TEXT NOT NULL DEFAULT 'queued'
                  CHECK (state IN ('queued', 'sent', 'duplicate', 'rejected')),
    wire          TEXT NOT NULL,             -- kiosk_sync::protocol::serialize(record), byte for byte
    bytes         INTEGER NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',  -- HQ's reason for a rejection
    updated_ms    INTEGER NOT NULL
);
CREATE INDEX outbox_queued ON outbox(seq) WHERE state = 'queued';

CREATE TABLE ratings (
    submission_id TEXT PRIMARY KEY NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    created_ms    INTEGER NOT NULL,
    overall       INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 5),
    wait          INTEGER CHECK (wait BETWEEN 1 AND 5),
    courtesy      INTEGER CHECK (courtesy BETWEEN 1 AND 5),
    clarity       INTEGER CHECK (clarity BETWEEN 1 AND 5),
    ease          INTEGER CHECK (ease BETWEEN 1 AND 5),
    service       TEXT NOT NULL DEFAULT '',
    counter       INTEGER,
    comment       TEXT NOT NULL DEFAULT ''   -- redacted copy; the original is sealed
) WITHOUT ROWID;
CREATE INDEX ratings_created ON ratings(created_ms);

CREATE TABLE statuses (
    reference  TEXT PRIMARY KEY NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('received', 'in-review', 'accepted', 'rejected')),
    note       TEXT NOT NULL DEFAULT '',
    updated_ms INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 2: HQ answers for feedback and volunteers too, so every review state, and the
// reviewer's note in Arabic and in English. SQLite cannot change a CHECK in place: the table
// is rebuilt. A note kept before was written in one language only, and which one was never
// recorded, so it becomes the note in both: a visitor in either language still sees it.
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE statuses_v2 (
    reference  TEXT PRIMARY KEY NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('received', 'in-review', 'needs-info', 'accepted', 'rejected',
                                               'answered', 'closed', 'contacted', 'active', 'declined')),
    note_ar    TEXT NOT NULL DEFAULT '',
    note_en    TEXT NOT NULL DEFAULT '',
    updated_ms INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO statuses_v2 (reference, status, note_ar, note_en, updated_ms)
    SELECT reference, status, note, note, updated_ms FROM statuses;
DROP TABLE statuses;
ALTER TABLE statuses_v2 RENAME TO statuses;
)sql";

// Version 3: a rating's comment leaves the clear. Its masked copy missed names and numbers
// written with separators, so only the sealed original remains (read at HQ); the ratings
// table, the clear part and the queued wire keep whether there was one (`has_comment`), which
// is all the staff dashboard shows. The wire's clear object is rebuilt with its members in
// the order protocol::serialize writes them, so a queued record is byte for byte what the
// kiosk would write today. Old text is zeroed in place (the connection's secure_delete) and
// sql::migrate empties the WAL after an upgrade, so no copy survives in free space.
constexpr std::string_view kVersion3 = R"sql(
ALTER TABLE ratings ADD COLUMN has_comment INTEGER NOT NULL DEFAULT 0 CHECK (has_comment IN (0, 1));
UPDATE ratings SET has_comment = 1 WHERE comment <> '';
UPDATE ratings SET comment = '';
ALTER TABLE ratings DROP COLUMN comment;
UPDATE outbox SET wire = json_set(wire, '$.clear', json_object(
        'clarity', json_extract(wire, '$.clear.clarity'),
        'counter', json_extract(wire, '$.clear.counter'),
        'courtesy', json_extract(wire, '$.clear.courtesy'),
        'ease', json_extract(wire, '$.clear.ease'),
        'has_comment', json(CASE WHEN json_extract(wire, '$.clear.comment') <> '' THEN 'true' ELSE 'false' END),
        'overall', json_extract(wire, '$.clear.overall'),
        'service', json_extract(wire, '$.clear.service'),
        'wait', json_extract(wire, '$.clear.wait')))
    WHERE submission_id IN (SELECT id FROM submissions WHERE kind = 'rating');
UPDATE outbox SET bytes = length(CAST(wire AS BLOB))
    WHERE submission_id IN (SELECT id FROM submissions WHERE kind = 'rating');
UPDATE submissions SET clear_json = COALESCE(
        (SELECT json_extract(o.wire, '$.clear') FROM outbox o WHERE o.submission_id = submissions.id),
        json_set(json_remove(clear_json, '$.comment'), '$.has_comment',
                 json(CASE WHEN json_extract(clear_json, '$.comment') <> '' THEN 'true' ELSE 'false' END)))
    WHERE kind = 'rating';
)sql";

constexpr std::array kMigrations = {Migration{1, kVersion1}, Migration{2, kVersion2}, Migration{3, kVersion3}};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }
int latest_schema_version() { return kMigrations.back().version; }

}  // namespace kiosk::store
