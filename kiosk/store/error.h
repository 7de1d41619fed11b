// kiosk/store/error.h — what can go wrong with the kiosk's storage, as a value.
// For: every Store call returns std::expected<T, StoreError>; the UI shows a calm, translated
// message by message_key(kind) and keeps the visitor's form. `detail` is English for logs
// and staff diagnostics, never shown to a visitor. Not for: validation (kiosk/domain).
#pragma once

#include <expected>
#include <string>
#include <string_view>

namespace kiosk_sync::sql {
struct Error;
}

namespace kiosk::store {

enum class StoreErrorKind {
    disk_full,        // SQLITE_FULL, ENOSPC, or the configured size cap reached
    read_only,        // data directory or database cannot be written
    corrupt,          // not a database, or damaged
    busy,             // another connection held the lock past busy_timeout
    newer_schema,     // written by a newer kiosk version; refusing to touch it
    io,               // any other operating-system or disk error
    not_provisioned,  // no HQ public key: nothing personal can be sealed, so nothing is stored
    not_found,        // the id or reference asked for does not exist
    internal,         // a bug: misuse of SQLite, a constraint that should not fail
};

struct StoreError {
    StoreError() = default;
    StoreError(StoreErrorKind kind_, std::string detail_, int sqlite_code_ = 0)
        : kind(kind_), detail(std::move(detail_)), sqlite_code(sqlite_code_) {}
    // The store's boundary: an error of the SQL layer leaves a Store call as one of these
    // kinds (full disk, read-only, corrupt, busy, io keep their names; a schema too new is
    // newer_schema; anything else is internal).
    StoreError(const kiosk_sync::sql::Error& error);  // NOLINT(google-explicit-constructor)

    StoreErrorKind kind = StoreErrorKind::internal;
    std::string detail;
    int sqlite_code = 0;  // extended result code, 0 when not from SQLite
};

template <class T = void>
using Result = std::expected<T, StoreError>;

// "store.error.disk_full", … — the key the UI translates (assets/strings).
std::string_view message_key(StoreErrorKind kind);
std::string_view to_string(StoreErrorKind kind);

}  // namespace kiosk::store
