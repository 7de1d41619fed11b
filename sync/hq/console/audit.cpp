// The audit log's hash chain; see audit.h.
#include "sync/hq/console/audit.h"

#include <sodium.h>

#include <array>

#include "sync/protocol/signing.h"

namespace kiosk_sync::hq::console {
namespace {

// Each field with its length first, so no two different entries hash the same text.
void absorb(crypto_generichash_state& state, const std::string& field) {
    const std::string length = std::to_string(field.size()) + ":";
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(length.data()), length.size());
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(field.data()), field.size());
}

}  // namespace

std::string genesis_hash() { return std::string(64, '0'); }

std::string entry_hash(const AuditEntry& e) {
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    for (const std::string& field : {std::string("mouj-hq-audit-1"), std::to_string(e.seq), std::to_string(e.at_ms),
                                     e.actor, e.action, e.subject, e.detail, e.prev_hash})
        absorb(state, field);
    std::array<unsigned char, 32> out{};
    crypto_generichash_final(&state, out.data(), out.size());
    return protocol::to_hex(out);
}

AuditEntry link(AuditEntry entry, const AuditEntry* head) {
    entry.seq = head ? head->seq + 1 : 1;
    entry.prev_hash = head ? head->hash : genesis_hash();
    entry.hash = entry_hash(entry);
    return entry;
}

std::optional<std::size_t> first_broken(std::span<const AuditEntry> entries, std::int64_t head_seq,
                                        const std::string& head_hash) {
    std::string prev = genesis_hash();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const AuditEntry& e = entries[i];
        if (e.seq != static_cast<std::int64_t>(i) + 1 || e.prev_hash != prev || e.hash != entry_hash(e)) return i;
        prev = e.hash;
    }
    const bool head_holds =
        entries.empty() ? head_seq == 0 : entries.back().seq == head_seq && entries.back().hash == head_hash;
    if (!head_holds) return entries.size();
    return std::nullopt;
}

}  // namespace kiosk_sync::hq::console
