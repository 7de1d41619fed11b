// HQ's schema steps, per engine; see sql_schema.h. A step, once released, never changes: a
// database that took it keeps what it made. A new version is a new step in both lists.
#include "sync/hq/sql_schema.h"

#include <array>
#include <map>
#include <string>

namespace kiosk_sync::hq {

namespace {

// Version 1: kiosks, records by id, one status per reference, nonces. IF NOT EXISTS: a file
// from before schema versions has these tables at version 0.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE IF NOT EXISTS kiosks(
  id TEXT PRIMARY KEY, secret TEXT NOT NULL, updated_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records(
  id TEXT PRIMARY KEY, kiosk TEXT NOT NULL, kind TEXT NOT NULL, reference TEXT NOT NULL,
  created_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL, via TEXT NOT NULL,
  clear TEXT NOT NULL, sealed TEXT NOT NULL, canonical TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS records_reference ON records(reference);
CREATE TABLE IF NOT EXISTS statuses(
  reference TEXT PRIMARY KEY, status TEXT NOT NULL, note TEXT NOT NULL,
  updated_ms INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS nonces(
  kiosk TEXT NOT NULL, nonce TEXT NOT NULL, timestamp_ms INTEGER NOT NULL,
  PRIMARY KEY(kiosk, nonce)) WITHOUT ROWID;
)sql";

// Version 2: references are unique per kiosk only, so an answer belongs to the kiosk that
// issued the reference (and only that kiosk is sent it). Each old answer goes to every kiosk
// that issued its reference.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE statuses RENAME TO statuses_v1;
CREATE TABLE statuses(
  kiosk TEXT NOT NULL, reference TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL,
  updated_ms INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE, PRIMARY KEY(kiosk, reference));
INSERT INTO statuses(kiosk, reference, status, note, updated_ms, seq)
  SELECT k.kiosk, s.reference, s.status, s.note, s.updated_ms,
         s.seq * 1000 + ROW_NUMBER() OVER (PARTITION BY s.reference ORDER BY k.kiosk)
  FROM statuses_v1 s JOIN (SELECT DISTINCT kiosk, reference FROM records) k ON k.reference = s.reference;
DROP TABLE statuses_v1;
)sql";

// Version 3: records are keyed by (kiosk, id), as DESIGN.md's sync section says: one kiosk's
// id can never shadow another's. `seq` keeps the order of arrival (the old rowid).
constexpr std::string_view kVersion3 = R"sql(
ALTER TABLE records RENAME TO records_v2;
CREATE TABLE records(
  seq INTEGER PRIMARY KEY, kiosk TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL,
  reference TEXT NOT NULL, created_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL, via TEXT NOT NULL,
  clear TEXT NOT NULL, sealed TEXT NOT NULL, canonical TEXT NOT NULL, UNIQUE(kiosk, id));
INSERT INTO records(seq, kiosk, id, kind, reference, created_ms, received_ms, via, clear, sealed, canonical)
  SELECT rowid, kiosk, id, kind, reference, created_ms, received_ms, via, clear, sealed, canonical FROM records_v2;
DROP TABLE records_v2;
CREATE INDEX records_reference ON records(reference);
)sql";


// PostgreSQL support begins at version 3: its first step is the schema as of that version,
// the same tables and keys as SQLite's in PostgreSQL's types.
constexpr std::string_view kPostgresqlVersion3 = R"sql(
CREATE TABLE kiosks(
  id TEXT PRIMARY KEY, secret TEXT NOT NULL, updated_ms BIGINT NOT NULL);
CREATE TABLE records(
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kiosk TEXT NOT NULL, id TEXT NOT NULL,
  kind TEXT NOT NULL, reference TEXT NOT NULL, created_ms BIGINT NOT NULL, received_ms BIGINT NOT NULL,
  via TEXT NOT NULL, clear TEXT NOT NULL, sealed TEXT NOT NULL, canonical TEXT NOT NULL, UNIQUE(kiosk, id));
CREATE INDEX records_reference ON records(reference);
CREATE TABLE statuses(
  kiosk TEXT NOT NULL, reference TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL,
  updated_ms BIGINT NOT NULL, seq BIGINT NOT NULL UNIQUE, PRIMARY KEY(kiosk, reference));
CREATE TABLE nonces(
  kiosk TEXT NOT NULL, nonce TEXT NOT NULL, timestamp_ms BIGINT NOT NULL, PRIMARY KEY(kiosk, nonce));
)sql";


// Version 4: the console. Users and their sessions; the audit log with its head (one row, the
// lock every append takes); each record's review state, the history of its changes and the
// marks that link records of one person; statuses carry a note per language. An old status
// note goes to note_ar when it has an Arabic letter (U+0620–U+064A, U+066E–U+06D3, as
// has_arabic_letter() in sql_store.cpp does), else to note_en; `note` stays for older kiosks. An
// old status becomes its record's state, with one history entry by "kiosk-hq".
// The two engines differ only in integer types, the history's key and the Arabic match.
constexpr std::string_view kVersion4Tables = R"sql(
CREATE TABLE users(
  name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, disabled {int} NOT NULL,
  failures {int} NOT NULL, locks {int} NOT NULL, locked_until_ms {int} NOT NULL, created_ms {int} NOT NULL);
CREATE TABLE sessions(
  stored TEXT PRIMARY KEY, user_name TEXT NOT NULL, lang TEXT NOT NULL, created_ms {int} NOT NULL,
  last_seen_ms {int} NOT NULL);
CREATE INDEX sessions_user ON sessions(user_name);
CREATE TABLE audit(
  seq {int} PRIMARY KEY, at_ms {int} NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  subject TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE audit_head(one {int} PRIMARY KEY CHECK (one = 1), seq {int} NOT NULL, hash TEXT NOT NULL);
INSERT INTO audit_head(one, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TABLE record_history(
  n {serial}, kiosk TEXT NOT NULL, id TEXT NOT NULL, at_ms {int} NOT NULL, actor TEXT NOT NULL,
  state TEXT NOT NULL, note_ar TEXT NOT NULL, note_en TEXT NOT NULL);
CREATE INDEX record_history_record ON record_history(kiosk, id);
CREATE TABLE record_states(
  kiosk TEXT NOT NULL, id TEXT NOT NULL, state TEXT NOT NULL, changed_ms {int} NOT NULL, PRIMARY KEY(kiosk, id));
CREATE INDEX record_states_state ON record_states(state);
CREATE TABLE record_marks(kiosk TEXT NOT NULL, id TEXT NOT NULL, mark TEXT NOT NULL, PRIMARY KEY(kiosk, id, mark));
CREATE INDEX record_marks_mark ON record_marks(mark);
CREATE INDEX records_kind_created ON records(kind, created_ms);
ALTER TABLE statuses ADD COLUMN note_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE statuses ADD COLUMN note_en TEXT NOT NULL DEFAULT '';
UPDATE statuses SET note_ar = note WHERE {arabic};
UPDATE statuses SET note_en = note WHERE note_ar = '';
INSERT INTO record_states(kiosk, id, state, changed_ms)
  SELECT r.kiosk, r.id, s.status, s.updated_ms FROM statuses s JOIN records r ON r.kiosk = s.kiosk
  WHERE r.reference = s.reference AND r.kind IN ('support_request', 'feedback', 'volunteer')
  ON CONFLICT DO NOTHING;
INSERT INTO record_history(kiosk, id, at_ms, actor, state, note_ar, note_en)
  SELECT st.kiosk, st.id, st.changed_ms, 'kiosk-hq', st.state, s.note_ar, s.note_en
  FROM record_states st JOIN records r ON r.kiosk = st.kiosk AND r.id = st.id
  JOIN statuses s ON s.kiosk = r.kiosk AND s.reference = r.reference;
)sql";

// The version 4 step in one engine's words.
std::string version4_for(sql::Engine engine) {
    const bool pg = engine == sql::Engine::postgresql;
    const std::map<std::string, std::string> words{
        {"{int}", pg ? "BIGINT" : "INTEGER"},
        {"{serial}", pg ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY"},
        {"{arabic}",
         pg ? "note ~ ('[' || chr(1568) || '-' || chr(1610) || chr(1646) || '-' || chr(1747) || ']')"
            : "note GLOB ('*[' || char(1568) || '-' || char(1610) || char(1646) || '-' || char(1747) || ']*')"}};
    std::string text(kVersion4Tables);
    for (const auto& [word, replacement] : words)
        for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + replacement.size()))
            text.replace(at, word.size(), replacement);
    return text;
}

// Version 5: a rating's comment is no longer kept in the clear (kiosks seal it; HQ reads it
// with the key). Every rating that came with one keeps only has_comment (true when the text
// was not empty), in its clear part and in its canonical text, which ingest compares by value
// after the same clear_to_keep (record_schema.h), so a kiosk that sends such a record again
// still gets "duplicate". On SQLite the overwritten text is zeroed (secure_delete on every
// connection); on PostgreSQL the old row versions go with the next VACUUM.
constexpr std::string_view kSqliteVersion5 = R"sql(
UPDATE records SET
  clear = json_set(json_remove(clear, '$.comment'), '$.has_comment',
                   json(CASE WHEN json_extract(clear, '$.comment') <> '' THEN 'true' ELSE 'false' END)),
  canonical = json_set(json_remove(canonical, '$.clear.comment'), '$.clear.has_comment',
                       json(CASE WHEN json_extract(canonical, '$.clear.comment') <> '' THEN 'true' ELSE 'false' END))
WHERE kind = 'rating' AND json_type(clear, '$.comment') IS NOT NULL;
)sql";

constexpr std::string_view kPostgresqlVersion5 = R"sql(
UPDATE records SET
  clear = ((clear::jsonb - 'comment')
           || jsonb_build_object('has_comment', COALESCE(clear::jsonb ->> 'comment', '') <> ''))::text,
  canonical = jsonb_set(canonical::jsonb #- '{clear,comment}', '{clear,has_comment}',
                        to_jsonb(COALESCE(canonical::jsonb #>> '{clear,comment}', '') <> ''))::text
WHERE kind = 'rating' AND (clear::jsonb -> 'comment') IS NOT NULL;
)sql";

}  // namespace

std::span<const sql::Migration> hq_migrations(sql::Engine engine) {
    // Built once: Migration holds views of these strings.
    static const std::string sqlite4 = version4_for(sql::Engine::sqlite);
    static const std::string postgresql4 = version4_for(sql::Engine::postgresql);
    static const std::array sqlite = {sql::Migration{1, kVersion1}, sql::Migration{2, kVersion2},
                                      sql::Migration{3, kVersion3}, sql::Migration{4, sqlite4},
                                      sql::Migration{5, kSqliteVersion5}};
    static const std::array postgresql = {sql::Migration{3, kPostgresqlVersion3}, sql::Migration{4, postgresql4},
                                          sql::Migration{5, kPostgresqlVersion5}};
    if (engine == sql::Engine::postgresql) return postgresql;
    return sqlite;
}

}  // namespace kiosk_sync::hq
