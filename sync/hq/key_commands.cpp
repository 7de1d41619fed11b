// The kiosk-hq subcommands that look after HQ's private key: init (a new key pair wrapped by a
// passphrase, and the database) and protect-key (wrapping an older directory's plain key),
// and the passphrase prompt every command that opens sealed data goes through.
// Not here: the files and the cipher (hq_dir.h, key_vault.h), decrypt itself (cli.cpp).
#include <cstdio>

#include "sync/hq/cli.h"
#include "sync/hq/hq_dir.h"
#include "sync/hq/log_text.h"

namespace kiosk_sync::hq {

namespace {

// --kdf: how costly the passphrase is to test. `moderate` unless a small machine (or a test)
// asks for `interactive`.
std::optional<KdfLimits> kdf_of(const Args& args) {
    const auto* kdf = args.option("--kdf");
    if (kdf == nullptr || *kdf == "moderate") return standard_limits();
    if (*kdf == "interactive") return interactive_limits();
    return std::nullopt;
}

PassphraseSource passphrase_of(const Args& args, bool is_new) {
    const auto* file = args.option("--passphrase-file");
    return [file, is_new] { return read_passphrase(file, is_new); };
}

}  // namespace

std::expected<BoxKeyPair, std::string> open_box_keys(const Args& args, const HqDir& dir) {
    if (secret_form(dir) == SecretForm::unwrapped)
        std::fprintf(stderr,
                     "kiosk-hq: warning: HQ's private key is kept unwrapped in %s; "
                     "kiosk-hq protect-key --dir %s wraps it with a passphrase\n",
                     printable(dir.box_secret().string()).c_str(), printable(dir.root.string()).c_str());
    return load_box_keys(dir, passphrase_of(args, false));
}

int cmd_init(const Args& args) {
    auto dir = hq_dir_of(args);
    if (!dir) return usage("init needs --dir HQDIR");
    const auto limits = kdf_of(args);
    if (!limits) return usage("--kdf must be moderate or interactive");
    auto created = init_hq_dir(*dir, passphrase_of(args, true), *limits);
    if (!created) return fail(created.error());
    std::printf("%s %s\n", *created ? "initialised" : "already initialised; keys kept:", dir->root.c_str());
    return 0;
}

int cmd_protect_key(const Args& args) {
    auto dir = hq_dir_of(args);
    if (!dir) return usage("protect-key needs --dir HQDIR");
    const auto limits = kdf_of(args);
    if (!limits) return usage("--kdf must be moderate or interactive");
    auto done = protect_box_key(*dir, passphrase_of(args, true), *limits);
    if (!done) return fail(done.error());
    const std::string wrapped = dir->box_wrapped().string();
    switch (*done) {
    case Protection::wrapped_now:
        std::printf("HQ's private key is now wrapped in %s; the unwrapped file is removed\n", wrapped.c_str());
        break;
    case Protection::already: std::printf("HQ's private key is already wrapped in %s\n", wrapped.c_str()); break;
    case Protection::finished_removal:
        std::printf("HQ's private key was already wrapped in %s; the unwrapped copy is now removed\n", wrapped.c_str());
        break;
    }
    return 0;
}

}  // namespace kiosk_sync::hq
