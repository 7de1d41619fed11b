// sync/hq/sql_schema.h — HQ's schema as numbered migrations, per engine (sql.h's migrate()
// applies them). SQLite's list starts at version 1 (files from before versions exist);
// PostgreSQL's starts at version 3, the schema as of that version. From version 4 on, each
// version is one step in both lists, written side by side in sql_schema.cpp.
// Not here: reading or writing rows (sql_store.cpp, sql_console.cpp).
#pragma once

#include <span>

#include "sync/protocol/sql/sql.h"

namespace kiosk_sync::hq {

std::span<const sql::Migration> hq_migrations(sql::Engine engine);

}  // namespace kiosk_sync::hq
