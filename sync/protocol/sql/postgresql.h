// sync/protocol/sql/postgresql.h — a PostgreSQL database (libpq) behind sql.h's Connection.
// For: HQ, when several `kiosk-hq serve` processes share one database. Library sync_sql_pg;
// the kiosk never links it.
//
// How the engine meets sql.h's calls: `?` / `?N` parameters become `$N`; a parameter is sent
// typed (text, int8, bytea); a statement runs on its first step() and its rows arrive one at
// a time (libpq's single-row mode), so reading a large table holds one row in memory. One
// statement is in flight per connection: starting another ends the first (its next step()
// is an error). Commits wait for the flush (synchronous_commit on) unless set_durable(false).
// The busy timeout is the lock_timeout. Not for: LISTEN/NOTIFY, COPY, or dollar-quoted SQL.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "sync/protocol/sql/sql.h"

namespace kiosk_sync::sql {

struct PostgresqlOptions {
    std::chrono::milliseconds busy_timeout{10000};
};

// `url`: a libpq connection URI (postgresql://user@host:port/db?host=/socket/dir, …).
// Errors: io (cannot connect, or the connection is lost later).
Result<Connection> open_postgresql(const std::string& url, const PostgresqlOptions& options);

// "a = ? AND b = ?1" → "a = $1 AND b = $1", leaving quoted text and comments alone; `count`
// gets the highest parameter number.
std::string postgresql_parameters(std::string_view sql, int& count);

}  // namespace kiosk_sync::sql
