// sync/hq/cli.h — the `kiosk-hq` subcommands as functions of parsed arguments, each returning
// the process exit status (0 done, 1 failed, 2 usage). Output goes to stdout, diagnostics to
// stderr, one line each. Not here: parsing argv (main.cpp) or serving HTTP (server.h).
#pragma once

#include <cstdint>
#include <expected>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kiosk_sync::hq {

struct Args {
    std::string command;
    std::map<std::string, std::string> options;  // "--dir" → value
    std::set<std::string> flags;                 // "--json"
    std::vector<std::string> positionals;

    const std::string* option(const std::string& name) const {
        auto it = options.find(name);
        return it == options.end() ? nullptr : &it->second;
    }
    bool flag(const std::string& name) const { return flags.count(name) != 0; }
};

int cmd_init(const Args& args);
int cmd_protect_key(const Args& args);
int cmd_provision(const Args& args);
int cmd_serve(const Args& args);
int cmd_list(const Args& args);
int cmd_decrypt(const Args& args);
int cmd_set_status(const Args& args);
int cmd_import(const Args& args);
int cmd_export(const Args& args);
// console_commands.cpp: user add|passwd|disable, audit verify; set-status.
int cmd_user(const Args& args);
int cmd_audit(const Args& args);

// One line on stderr, "kiosk-hq: …", with text from outside made printable; returns 1.
int fail(const std::string& message);
// A usage error on stderr; returns 2.
int usage(const std::string& message);

// The HQ directory of --dir, with the database of --db when given.
struct HqDir;
std::optional<HqDir> hq_dir_of(const Args& args);

// HQ's key pair for a command that opens sealed data: the passphrase from --passphrase-file
// or standard input, asked only when the key is wrapped; an older directory's unwrapped key
// opens too, with a one-line warning on stderr that says how to protect it.
struct BoxKeyPair;
std::expected<BoxKeyPair, std::string> open_box_keys(const Args& args, const HqDir& dir);

// "2025-11-26T02:51:00Z" for ms since the epoch.
std::string format_utc(std::int64_t ms);
std::int64_t now_ms();

}  // namespace kiosk_sync::hq
