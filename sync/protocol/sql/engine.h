// sync/protocol/sql/engine.h — what an engine implements behind sql.h's Connection and
// Statement. For: sqlite.cpp and postgresql.cpp only; callers use sql.h. Not for: anything
// both engines do alike (sql.cpp does that once: run(), exec(), transactions, migrations).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "sync/protocol/sql/sql.h"

namespace kiosk_sync::sql::detail {

class StatementEngine {
public:
    virtual ~StatementEngine() = default;
    virtual void bind_text(int index, std::string_view text) = 0;
    virtual void bind_int64(int index, std::int64_t value) = 0;
    virtual void bind_blob(int index, std::span<const std::uint8_t> bytes) = 0;
    virtual void bind_null(int index) = 0;
    virtual Result<bool> step() = 0;
    virtual void reset() = 0;
    virtual std::string_view text(int column) const = 0;
    virtual std::int64_t int64(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual bool is_null(int column) const = 0;
    virtual std::span<const std::uint8_t> blob(int column) const = 0;
};

class ConnectionEngine {
public:
    virtual ~ConnectionEngine() = default;
    virtual Engine engine() const = 0;
    virtual Result<std::unique_ptr<StatementEngine>> prepare(std::string_view sql) = 0;
    virtual Result<> exec_script(std::string_view sql) = 0;
    virtual Result<> begin() = 0;
    virtual Result<> commit() = 0;
    virtual std::int64_t changes() const = 0;
    virtual bool in_transaction() const = 0;
    virtual Result<> set_durable(bool durable) = 0;
    // Inside the migration's transaction: wait for any other migrating connection.
    virtual Result<> lock_schema() = 0;
    virtual Result<int> schema_version() = 0;
    virtual Result<> set_schema_version(int version) = 0;
};

}  // namespace kiosk_sync::sql::detail
