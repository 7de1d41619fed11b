// sync/protocol/bundle.h — the offline bundle: a kiosk's queue on a removable drive, for HQ
// to import when the network is gone for good. Personal data inside the records is already
// sealed to HQ; the bundle adds an HMAC with the kiosk's secret so HQ knows which kiosk wrote
// it and that nobody changed a byte. Importing is as idempotent as syncing (records by UUID).
//
// File layout, text:
//   line 1: {"format":"mouj-bundle","v":1,"kiosk":ID,"created":ms,"count":N,
//            "payload_sha256":HEX,"hmac":HEX}
//   rest:   the payload, a JSON array of records exactly as the outbox keeps them
// The HMAC covers the format, kiosk, created, count and the payload's SHA-256.
// Not here: choosing which records go in (sync/client/export.h), ingesting (sync/hq).
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sync/protocol/messages.h"
#include "sync/protocol/signing.h"

namespace kiosk_sync::protocol {

inline constexpr std::size_t kMaxBundleBytes = 512u << 20;

struct BundleHeader {
    std::string kiosk;
    std::int64_t created_ms = 0;
    std::size_t count = 0;
    std::string payload_sha256;
    std::string hmac;
};

// Builds the file text. Each record text must be one valid JSON record.
std::string encode_bundle(const Secret& secret, std::string_view kiosk, std::int64_t created_ms,
                          const std::vector<std::string>& record_texts);

// Reads the header without the secret, so HQ can look up whose secret verifies it.
std::expected<BundleHeader, std::string> read_bundle_header(std::string_view text);

// Verifies the HMAC and the payload, then parses the records (a bad record is an item with an
// error, as in a batch, so import can report it by id).
std::expected<std::vector<BatchItem>, std::string> open_bundle(std::string_view text, const Secret& secret);

// "mouj-<kiosk>-<YYYYmmddTHHMMSSZ>.bundle", the kiosk id reduced to file-name-safe characters.
std::string bundle_file_name(std::string_view kiosk, std::int64_t created_ms);

struct WrittenBundle {
    std::filesystem::path path;
    std::size_t count = 0;
    std::size_t bytes = 0;
};

// How far an export is, for a progress bar: the stage and the fraction of it done (0..1).
enum class BundleStage { reading_queue, writing, verifying };
using BundleProgress = std::function<void(BundleStage stage, double fraction)>;

// Writes the bundle atomically into dir (which must exist), then reads it back from the drive
// and verifies it, so staff are told "written" only for a file HQ will accept.
std::expected<WrittenBundle, std::string> write_bundle(const std::filesystem::path& dir, const Secret& secret,
                                                       std::string_view kiosk, std::int64_t created_ms,
                                                       const std::vector<std::string>& record_texts,
                                                       const BundleProgress& progress = {});

// The read-back: the file's header and records, verified with the secret.
struct VerifiedBundle {
    BundleHeader header;
    std::vector<BatchItem> items;
};
std::expected<VerifiedBundle, std::string> read_bundle(const std::filesystem::path& path, const Secret& secret);

}  // namespace kiosk_sync::protocol
