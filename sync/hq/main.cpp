// kiosk-hq: the HQ command line. Parses argv into Args and runs one subcommand (cli.h).
// Not here: what the subcommands do.
#include <cstdio>
#include <string_view>

#include "sync/hq/cli.h"

namespace {

using kiosk_sync::hq::Args;

constexpr const char* kUsage = R"(usage:
  kiosk-hq init --dir HQDIR [--kdf moderate|interactive]
  kiosk-hq protect-key --dir HQDIR [--kdf moderate|interactive]
  kiosk-hq provision --dir HQDIR --kiosk ID --out DATADIR [--hq-url URL] [--tls-cert F]
  kiosk-hq serve --dir HQDIR --listen 127.0.0.1:PORT [--tls-cert F --tls-key F]
      [--console HOST:PORT] [--session-idle-seconds N]  (the web console on its own listener)
  kiosk-hq list --dir HQDIR [--json]
  kiosk-hq decrypt --dir HQDIR [--json] [REF]
  kiosk-hq set-status --dir HQDIR REF STATE [--note-ar TEXT] [--note-en TEXT] [--note TEXT] [--kiosk ID]
      STATE: in-review, needs-info, accepted, rejected (support requests); answered, closed
      (feedback); contacted, active, declined (volunteers). --note is one note for both languages.
  kiosk-hq user add --dir HQDIR --name NAME --role admin|reviewer|officer|viewer  (password on stdin)
  kiosk-hq user passwd --dir HQDIR --name NAME  (password on stdin; ends the user's sessions)
  kiosk-hq user disable --dir HQDIR --name NAME
  kiosk-hq audit verify --dir HQDIR
  kiosk-hq import --dir HQDIR BUNDLE
  kiosk-hq export --dir HQDIR --csv FILE
Every command also takes --db postgresql://… to keep HQ's data in PostgreSQL instead of
HQDIR/hq.db. init, protect-key and decrypt read the passphrase of HQ's private key from
standard input (one line), or from the first line of --passphrase-file F.
)";

bool takes_value(std::string_view name) {
    return name == "--dir" || name == "--kiosk" || name == "--out" || name == "--hq-url" || name == "--listen" ||
           name == "--note" || name == "--csv" || name == "--tls-cert" || name == "--tls-key" || name == "--db" ||
           name == "--name" || name == "--role" || name == "--note-ar" || name == "--note-en" ||
           name == "--passphrase-file" || name == "--kdf" || name == "--console" || name == "--session-idle-seconds";
}

bool parse(int argc, char** argv, Args& args) {
    if (argc < 2) return false;
    args.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            args.positionals.push_back(arg);
            continue;
        }
        auto eq = arg.find('=');
        std::string name = arg.substr(0, eq);
        if (!takes_value(name)) {
            if (name != "--json" || eq != std::string::npos) return false;
            args.flags.insert(name);
        } else if (eq != std::string::npos) {
            args.options[name] = arg.substr(eq + 1);
        } else if (i + 1 < argc) {
            args.options[name] = argv[++i];
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    namespace hq = kiosk_sync::hq;
    Args args;
    if (!parse(argc, argv, args)) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    if (args.command == "init") return hq::cmd_init(args);
    if (args.command == "protect-key") return hq::cmd_protect_key(args);
    if (args.command == "provision") return hq::cmd_provision(args);
    if (args.command == "serve") return hq::cmd_serve(args);
    if (args.command == "list") return hq::cmd_list(args);
    if (args.command == "decrypt") return hq::cmd_decrypt(args);
    if (args.command == "set-status") return hq::cmd_set_status(args);
    if (args.command == "import") return hq::cmd_import(args);
    if (args.command == "export") return hq::cmd_export(args);
    if (args.command == "user") return hq::cmd_user(args);
    if (args.command == "audit") return hq::cmd_audit(args);
    if (args.command == "--help" || args.command == "help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    std::fputs(kUsage, stderr);
    return 2;
}
