// sync/protocol/file_io.h — reading and durably replacing small files (keys, config, bundles).
// A write goes to a temporary file beside the target, is fsynced, renamed over the target and
// the directory fsynced, so a crash leaves the old file or the new one, never half of either.
// Not here: what the files mean (kiosk_files.h, bundle.h).
#pragma once

#include <sys/types.h>
#include <cstddef>
#include <expected>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace kiosk_sync::protocol {

std::expected<std::string, std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes = 64u << 20);

// Told the fraction (0..1) of the bytes that are on the medium, not just in memory.
using WriteProgress = std::function<void(double fraction)>;

// mode applies to the new file (0600 for secrets); parent directories must exist. With a
// progress callback the data goes out in chunks, each flushed to the medium before the next,
// so that a slow removable drive reports how far it really is.
std::expected<void, std::string> write_file_atomic(const std::filesystem::path& path, std::string_view data,
                                                   mode_t mode = 0644, const WriteProgress& progress = {});

// The same for data too large to hold in memory (an export): `produce` writes it piece by
// piece through `write` (false once a write failed). An error from either leaves no file.
using WriteSink = std::function<bool(std::string_view bytes)>;
std::expected<void, std::string> write_file_atomic_streamed(
    const std::filesystem::path& path, mode_t mode,
    const std::function<std::expected<void, std::string>(const WriteSink& write)>& produce);

// Asks the kernel to forget its cached pages of path, so the next read comes from the medium
// (a removable drive), not from memory. Best effort: false if it could not.
bool drop_cached_pages(const std::filesystem::path& path);

}  // namespace kiosk_sync::protocol
