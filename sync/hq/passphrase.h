// sync/hq/passphrase.h — the passphrase that wraps HQ's private key, as the command line
// reads it: the first line of a file (--passphrase-file F) or one line of standard input,
// with echo off and a prompt on stderr when that is a terminal. Held in a buffer that is
// never reallocated or copied and is wiped when it goes.
// Not here: what the passphrase opens (key_vault.h), where the key is kept (hq_dir.h).
#pragma once

#include <expected>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk_sync::hq {

class Passphrase {
public:
    Passphrase();
    explicit Passphrase(std::string_view text);  // longer than kMaxBytes: cut there
    Passphrase(Passphrase&&) noexcept = default;
    Passphrase& operator=(Passphrase&& other) noexcept;
    Passphrase(const Passphrase&) = delete;
    Passphrase& operator=(const Passphrase&) = delete;
    ~Passphrase();

    // The buffer is reserved once, so no copy is left behind by a reallocation: a longer
    // passphrase is refused (push gives false).
    static constexpr std::size_t kMaxBytes = 1024;
    bool push(char c);
    std::string_view view() const { return {bytes_.data(), bytes_.size()}; }

private:
    void wipe();
    std::vector<char> bytes_;
};

// Reads one passphrase: from `file` when given, else from standard input. `is_new`: on a
// terminal the passphrase is asked twice and must match (a typo would lock the key away).
std::expected<Passphrase, std::string> read_passphrase(const std::string* file, bool is_new);

// Asked only when the passphrase is really needed, so a command that turns out not to need
// it (init of a directory that has its key already) does not wait for one.
using PassphraseSource = std::function<std::expected<Passphrase, std::string>()>;

}  // namespace kiosk_sync::hq
