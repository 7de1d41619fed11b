// Request statuses: HQ's answers by reference, and what this kiosk knows of the references
// it issued itself (so the status screen can answer before HQ has). See store.h.
#include <algorithm>

#include "kiosk/domain/reference.h"
#include "kiosk/domain/text.h"
#include "kiosk/domain/utf8.h"
#include "kiosk/store/store.h"

namespace kiosk::store {

namespace {

// `text` without the white space (new lines included) at either end.
std::string_view trimmed(std::string_view text) {
    std::size_t begin = text.size(), end = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const std::int32_t cp = domain::utf8::next(text, i);
        if (cp == '\n' || (cp >= 0 && domain::text::is_space(static_cast<char32_t>(cp)))) continue;
        begin = std::min(begin, at);
        end = i;
    }
    return begin < end ? text.substr(begin, end - begin) : std::string_view();
}

// A note as HQ sent it, made fit to keep and show: what a visitor could not see or that could
// reorder the text around it (malformed bytes, controls, bidi formatting) is dropped, a note
// of nothing but white space is no note (the screen shows the other language's instead), and
// one longer than kMaxNoteBytes is cut at a character, ending in an ellipsis.
std::string kept_note(std::string_view from_hq) {
    std::string note(trimmed(domain::text::keep_typeable(from_hq, domain::text::Lines::multiple)));
    if (note.size() <= kMaxNoteBytes) return note;
    constexpr std::string_view kEllipsis = "\u2026";
    std::size_t cut = kMaxNoteBytes - kEllipsis.size();
    while (cut > 0 && (static_cast<unsigned char>(note[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    note.resize(cut);
    note += kEllipsis;
    return note;
}

}  // namespace

Result<std::size_t> Store::upsert_statuses(std::span<const RequestStatus> statuses) {
    Result<sql::Transaction> tx = sql::Transaction::begin(db_);
    if (!tx) return std::unexpected(std::move(tx.error()));
    // An out-of-order or replayed update (older updated_ms) must not undo a newer answer.
    auto s = db_.prepare(
        "INSERT INTO statuses (reference, status, note_ar, note_en, updated_ms) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (reference) DO UPDATE SET status = excluded.status, note_ar = excluded.note_ar,"
        " note_en = excluded.note_en, updated_ms = excluded.updated_ms"
        " WHERE excluded.updated_ms >= statuses.updated_ms");
    if (!s) return std::unexpected(std::move(s.error()));
    std::size_t applied = 0;
    for (const RequestStatus& status : statuses) {
        const domain::Checked<std::string> reference = domain::parse_reference(status.reference);
        if (!reference.ok()) continue;  // HQ only sends references kiosks issued; skip garbage
        s->reset();
        s->bind(1, reference.value)
            .bind(2, to_string(status.state))
            .bind(3, kept_note(status.note_ar))
            .bind(4, kept_note(status.note_en))
            .bind(5, status.updated_ms);
        if (auto rc = s->run(); !rc) return std::unexpected(std::move(rc.error()));
        applied += static_cast<std::size_t>(db_.changes());
    }
    if (auto rc = tx->commit(); !rc) return std::unexpected(std::move(rc.error()));
    return applied;
}

Result<std::optional<RequestStatus>> Store::status_of(const std::string& reference) {
    auto q = db_.prepare("SELECT status, note_ar, note_en, updated_ms FROM statuses WHERE reference = ?");
    if (!q) return std::unexpected(std::move(q.error()));
    auto row = q->bind(1, reference).step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return std::optional<RequestStatus>{};
    const auto state = review_state_from(q->text(0));
    if (!state) return std::optional<RequestStatus>{};
    // Cleaned again on the way out: a row kept by an older kiosk was stored as HQ sent it.
    return std::optional<RequestStatus>{
        RequestStatus{reference, *state, kept_note(q->text(1)), kept_note(q->text(2)), q->int64(3)}};
}

Result<std::optional<LocalSubmission>> Store::local_submission(const std::string& reference) {
    auto q = db_.prepare(
        "SELECT s.id, s.kind, s.created_ms, o.state, COALESCE(json_extract(s.clear_json, '$.category'), '')"
        " FROM submissions s JOIN outbox o ON o.submission_id = s.id WHERE s.reference = ?");
    if (!q) return std::unexpected(std::move(q.error()));
    auto row = q->bind(1, reference).step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return std::optional<LocalSubmission>{};
    const auto kind = domain::record_kind_from(q->text(1));
    const auto state = outbox_state_from(q->text(3));
    if (!kind || !state) return std::optional<LocalSubmission>{};
    return std::optional<LocalSubmission>{
        LocalSubmission{std::string(q->text(0)), *kind, reference, q->int64(2), *state, std::string(q->text(4))}};
}

Result<StatusLookup> Store::lookup(std::string_view typed) {
    const domain::Checked<std::string> reference = domain::parse_reference(typed);
    if (!reference.ok()) return StatusLookup{};
    auto local = local_submission(reference.value);
    if (!local) return std::unexpected(std::move(local.error()));
    auto hq = status_of(reference.value);
    if (!hq) return std::unexpected(std::move(hq.error()));
    return StatusLookup{std::move(*local), std::move(*hq)};
}

}  // namespace kiosk::store
