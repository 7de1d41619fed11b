// Names and message keys of error kinds and of the store's enums (error.h, types.h).
#include "kiosk/store/error.h"

#include <array>
#include <utility>

#include "kiosk/store/types.h"
#include "sync/protocol/sql/sql.h"

namespace kiosk::store {
namespace {

StoreErrorKind kind_from(kiosk_sync::sql::ErrorKind kind) {
    using kiosk_sync::sql::ErrorKind;
    switch (kind) {
    case ErrorKind::disk_full: return StoreErrorKind::disk_full;
    case ErrorKind::read_only: return StoreErrorKind::read_only;
    case ErrorKind::corrupt: return StoreErrorKind::corrupt;
    case ErrorKind::busy: return StoreErrorKind::busy;
    case ErrorKind::io: return StoreErrorKind::io;
    case ErrorKind::schema_too_new: return StoreErrorKind::newer_schema;
    case ErrorKind::constraint:
    case ErrorKind::internal: return StoreErrorKind::internal;
    }
    return StoreErrorKind::internal;
}

}  // namespace

StoreError::StoreError(const kiosk_sync::sql::Error& error)
    : kind(kind_from(error.kind)), detail(error.message), sqlite_code(error.code) {}

std::string_view to_string(StoreErrorKind kind) {
    switch (kind) {
    case StoreErrorKind::disk_full: return "disk_full";
    case StoreErrorKind::read_only: return "read_only";
    case StoreErrorKind::corrupt: return "corrupt";
    case StoreErrorKind::busy: return "busy";
    case StoreErrorKind::newer_schema: return "newer_schema";
    case StoreErrorKind::io: return "io";
    case StoreErrorKind::not_provisioned: return "not_provisioned";
    case StoreErrorKind::not_found: return "not_found";
    case StoreErrorKind::internal: return "internal";
    }
    return "internal";
}

std::string_view message_key(StoreErrorKind kind) {
    switch (kind) {
    case StoreErrorKind::disk_full: return "store.error.disk_full";
    case StoreErrorKind::read_only: return "store.error.read_only";
    case StoreErrorKind::corrupt: return "store.error.corrupt";
    case StoreErrorKind::busy: return "store.error.busy";
    case StoreErrorKind::newer_schema: return "store.error.newer_schema";
    case StoreErrorKind::io: return "store.error.io";
    case StoreErrorKind::not_provisioned: return "store.error.not_provisioned";
    case StoreErrorKind::not_found: return "store.error.not_found";
    case StoreErrorKind::internal: return "store.error.internal";
    }
    return "store.error.internal";
}

namespace {

constexpr std::array<std::pair<OutboxState, std::string_view>, 4> kOutboxStates = {{
    {OutboxState::queued, "queued"},
    {OutboxState::sent, "sent"},
    {OutboxState::duplicate, "duplicate"},
    {OutboxState::rejected, "rejected"},
}};

constexpr std::array<std::pair<ReviewState, std::string_view>, 10> kReviewStates = {{
    {ReviewState::received, "received"},
    {ReviewState::in_review, "in-review"},
    {ReviewState::needs_info, "needs-info"},
    {ReviewState::accepted, "accepted"},
    {ReviewState::rejected, "rejected"},
    {ReviewState::answered, "answered"},
    {ReviewState::closed, "closed"},
    {ReviewState::contacted, "contacted"},
    {ReviewState::active, "active"},
    {ReviewState::declined, "declined"},
}};

template <class E, std::size_t N>
std::string_view name_in(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [v, name] : table) {
        if (v == value) return name;
    }
    return {};
}

template <class E, std::size_t N>
std::optional<E> value_in(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name) {
    for (const auto& [v, n] : table) {
        if (n == name) return v;
    }
    return std::nullopt;
}

}  // namespace

std::string_view to_string(OutboxState state) { return name_in(kOutboxStates, state); }
std::optional<OutboxState> outbox_state_from(std::string_view text) { return value_in(kOutboxStates, text); }
std::string_view to_string(ReviewState state) { return name_in(kReviewStates, state); }
std::optional<ReviewState> review_state_from(std::string_view text) { return value_in(kReviewStates, text); }

}  // namespace kiosk::store
