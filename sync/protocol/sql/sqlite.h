// sync/protocol/sql/sqlite.h — opening a SQLite database file behind sql.h's Connection.
// For: the kiosk's store, HQ's default store, tests. Every connection opened here is
// configured the same way: WAL (readers never block the writer), synchronous=FULL (a commit
// that returned is on disk), foreign keys on, secure_delete on (deleted or overwritten content
// is zeroed, not left in free space), and a busy timeout (a lock held too long is
// ErrorKind::busy, not a hang). Not for: per-database pragmas such as a size cap (callers
// run those with exec()).
#pragma once

#include <chrono>
#include <filesystem>

#include "sync/protocol/sql/sql.h"

namespace kiosk_sync::sql {

struct SqliteOptions {
    bool create = false;  // create the file when it does not exist
    std::chrono::milliseconds busy_timeout{5000};
};

// Errors: read_only (the file or its directory cannot be written), corrupt (not a
// database), io (cannot open, or the file system refuses WAL), busy.
Result<Connection> open_sqlite(const std::filesystem::path& file, const SqliteOptions& options);

}  // namespace kiosk_sync::sql
