// kiosk/store/data_dir.h — making sure the kiosk's data directory exists and can be written.
// For: Store::open, before SQLite is involved, so "the USB stick is read-only" or "the path
// is a file" become a clear StoreError instead of a cryptic SQLite one. Not for: config or
// keys (the HQ key is only read, by sealing.h).
#pragma once

#include <expected>
#include <filesystem>

#include "kiosk/store/error.h"

namespace kiosk::store {

// Creates `dir` and any missing parents with mode 0700 (visitor data: owner only), then
// proves it is writable by creating and removing a probe file. Errors: read_only, disk_full,
// io (not a directory, …).
std::expected<void, StoreError> prepare_data_dir(const std::filesystem::path& dir);

// Creates `file` with mode 0600 if it does not exist (SQLite would use 0644; its -wal and
// -shm files copy the database's mode).
std::expected<void, StoreError> create_private_file(const std::filesystem::path& file);

}  // namespace kiosk::store
