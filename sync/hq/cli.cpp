// The kiosk-hq subcommands that manage an HQ directory: provision, list, decrypt, import.
// init and protect-key are in key_commands.cpp, serve in serve_command.cpp, export in
// csv_export.cpp, set-status, user and audit in console_commands.cpp.
#include "sync/hq/cli.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>

#include "sync/hq/hq_dir.h"
#include "sync/hq/ingest.h"
#include "sync/hq/log_text.h"
#include "sync/hq/tls_identity.h"
#include "sync/protocol/bundle.h"
#include "sync/protocol/file_io.h"
#include "sync/protocol/json_text.h"

namespace kiosk_sync::hq {

namespace {

using nlohmann::json;

std::optional<HqDir> dir_of(const Args& args) { return hq_dir_of(args); }

json summary_json(const StoredRecord& stored) {
    return json{
        {"id", stored.record.id},       {"kind", stored.record.kind},          {"reference", stored.record.reference},
        {"kiosk", stored.record.kiosk}, {"created", stored.record.created_ms}, {"status", stored.status}};
}

// The record with its personal data, or with "error" saying why it could not be opened.
json decrypted_json(const StoredRecord& stored, const BoxKeyPair& keys) {
    json out = summary_json(stored);
    out["note"] = stored.note;
    out["received"] = stored.received_ms;
    out["clear"] = stored.record.clear;
    out["personal"] = nullptr;
    if (stored.record.sealed.empty()) return out;
    auto plain = open_sealed(keys, stored.record.sealed);
    if (!plain) {
        out["error"] = plain.error();
        return out;
    }
    auto parsed = protocol::parse_json(*plain, 64);
    out["personal"] = parsed ? *parsed : json(*plain);
    return out;
}

}  // namespace

// Messages quote references, ids and file contents from outside; printable() keeps those
// from acting on the operator's terminal.
int fail(const std::string& message) {
    std::fprintf(stderr, "kiosk-hq: %s\n", printable(message, 1000).c_str());
    return 1;
}

int usage(const std::string& message) {
    std::fprintf(stderr, "kiosk-hq: %s (see kiosk-hq --help)\n", message.c_str());
    return 2;
}

std::optional<HqDir> hq_dir_of(const Args& args) {
    const auto* dir = args.option("--dir");
    if (dir == nullptr || dir->empty()) return std::nullopt;
    const auto* db = args.option("--db");
    return HqDir{*dir, db != nullptr ? *db : std::string()};
}

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string format_utc(std::int64_t ms) {
    std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

int cmd_provision(const Args& args) {
    auto dir = dir_of(args);
    const auto* kiosk = args.option("--kiosk");
    const auto* out = args.option("--out");
    if (!dir || kiosk == nullptr || out == nullptr) return usage("provision needs --dir, --kiosk and --out");
    if (!protocol::is_valid_kiosk_id(*kiosk)) return fail("kiosk id must be 1-64 letters, digits, '-', '_' or '.'");
    const auto* url = args.option("--hq-url");
    auto box = load_box_public(*dir);
    if (!box) return fail(box.error());
    auto store = open_store(*dir);
    if (!store) return fail(store.error());
    protocol::KioskIdentity identity{*kiosk, url ? *url : "http://127.0.0.1:8787", protocol::random_secret(), *box, {},
                                     {}};
    if (const auto* tls = args.option("--tls-cert")) {
        auto pem = protocol::read_file(*tls, 1u << 20);
        if (!pem) return fail(pem.error());
        auto pin = tls_public_key_pin(*pem);
        if (!pin) return fail(*tls + ": " + pin.error());
        identity.hq_tls_certificate = std::move(*pem);
        identity.hq_tls_pin = std::move(*pin);
    }
    // The kiosk's files first: if writing them fails, HQ still accepts the previous secret.
    if (auto written = protocol::write_kiosk_identity(*out, identity); !written) return fail(written.error());
    if (auto put = (*store)->put_kiosk(*kiosk, identity.secret); !put) return fail(put.error());
    std::printf("provisioned kiosk %s into %s\n", kiosk->c_str(), out->c_str());
    return 0;
}

int cmd_list(const Args& args) {
    auto dir = dir_of(args);
    if (!dir) return usage("list needs --dir HQDIR");
    auto store = open_store(*dir);
    if (!store) return fail(store.error());
    auto records = (*store)->records(std::nullopt);
    if (!records) return fail(records.error());
    if (args.flag("--json")) {
        json out = json::array();
        for (const auto& stored : *records) out.push_back(summary_json(stored));
        std::cout << protocol::dump_json(out) << "\n";
        return 0;
    }
    for (const auto& s : *records)
        std::printf("%s  %-15s  %-10s  %-16s  %-9s  %s\n", format_utc(s.record.created_ms).c_str(),
                    printable(s.record.kind).c_str(),
                    s.record.reference.empty() ? "-" : printable(s.record.reference).c_str(),
                    printable(s.record.kiosk).c_str(), printable(s.status).c_str(), printable(s.record.id).c_str());
    return 0;
}

int cmd_decrypt(const Args& args) {
    auto dir = dir_of(args);
    if (!dir || args.positionals.size() > 1) return usage("decrypt needs --dir HQDIR and at most one REF");
    auto keys = open_box_keys(args, *dir);
    if (!keys) return fail(keys.error());
    auto store = open_store(*dir);
    if (!store) return fail(store.error());
    std::optional<std::string_view> ref;
    if (!args.positionals.empty()) ref = args.positionals.front();
    auto records = (*store)->records(ref);
    if (!records) return fail(records.error());
    if (ref && records->empty()) return fail("no record with reference or id " + std::string(*ref));
    json out = json::array();
    std::size_t unopened = 0;
    for (const auto& stored : *records) {
        out.push_back(decrypted_json(stored, *keys));
        if (out.back().contains("error")) ++unopened;
    }
    if (args.flag("--json")) std::cout << protocol::dump_json(out) << "\n";
    else
        for (const auto& r : out) std::cout << r.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    // A script reading the output must not take a wrong key for records without personal data.
    if (unopened > 0)
        return fail(std::to_string(unopened) + " of " + std::to_string(out.size()) +
                    " records could not be opened; is this HQ's private key?");
    return 0;
}

int cmd_import(const Args& args) {
    auto dir = dir_of(args);
    if (!dir || args.positionals.size() != 1) return usage("import needs --dir HQDIR and one BUNDLE");
    auto store = open_store(*dir);
    if (!store) return fail(store.error());
    auto text = protocol::read_file(args.positionals[0], protocol::kMaxBundleBytes);
    if (!text) return fail(text.error());
    auto header = protocol::read_bundle_header(*text);
    if (!header) return fail(header.error());
    auto secret = (*store)->kiosk_secret(header->kiosk);
    if (!secret) return fail(secret.error());
    if (!*secret) return fail("bundle is from kiosk " + header->kiosk + ", which HQ has not provisioned");
    auto items = protocol::open_bundle(*text, **secret);
    if (!items) return fail(items.error());
    auto verdicts = ingest_items(**store, header->kiosk, *items, "bundle", now_ms());
    if (!verdicts) return fail(verdicts.error());
    std::array<std::size_t, 3> counts{};
    for (const auto& v : *verdicts) {
        ++counts[static_cast<std::size_t>(v.outcome)];
        if (v.outcome == protocol::Outcome::rejected)
            std::fprintf(stderr, "kiosk-hq: rejected %s: %s\n", printable(v.id).c_str(), printable(v.reason).c_str());
    }
    std::printf("imported %zu records from kiosk %s: %zu accepted, %zu duplicate, %zu rejected\n", verdicts->size(),
                header->kiosk.c_str(), counts[0], counts[1], counts[2]);
    return 0;
}

}  // namespace kiosk_sync::hq
