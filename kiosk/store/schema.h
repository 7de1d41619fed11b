// kiosk/store/schema.h — the database schema as a list of numbered migrations.
// For: bringing any older kiosk.db up to date in one transaction at open, and refusing one
// written by a newer kiosk (PRAGMA user_version). Not for: queries (store*.cpp).
// Rule: a released migration is never edited; a change is a new migration at the end.
#pragma once

#include <span>
#include <string_view>

#include "kiosk/store/sqlite.h"

namespace kiosk::store {

struct Migration {
    int version;           // user_version after this step; steps are 1, 2, 3, …
    std::string_view sql;  // parameterless statements
};

// The kiosk's migrations, oldest first.
std::span<const Migration> migrations();
int latest_schema_version();

// Applies every step newer than the database's user_version, all in one transaction (so a
// failure leaves the database exactly as it was). Returns the resulting version;
// newer_schema when the database is ahead of `steps`.
sql::Result<int> migrate(sql::Database& db, std::span<const Migration> steps);

}  // namespace kiosk::store
