// kiosk/store/schema.h — the database schema as a list of numbered migrations.
// For: bringing any older kiosk.db up to date in one transaction at open, and refusing one
// written by a newer kiosk (PRAGMA user_version, through sql::migrate). Not for: queries (store*.cpp).
// Rule: a released migration is never edited; a change is a new migration at the end.
#pragma once

#include <span>
#include <string_view>

#include "kiosk/store/error.h"
#include "sync/protocol/sql/sql.h"

namespace kiosk::store {

namespace sql = kiosk_sync::sql;

// user_version after the step (steps are 1, 2, 3, …) and its parameterless statements.
using Migration = sql::Migration;

// The kiosk's migrations, oldest first.
std::span<const Migration> migrations();
int latest_schema_version();

// Applying them: sql::migrate(db, migrations()), every pending step in one transaction (so a
// failure leaves the database exactly as it was); a database ahead of them is refused
// (newer_schema at the store's boundary).

}  // namespace kiosk::store
