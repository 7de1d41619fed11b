// The console's permission table; see roles.h.
#include "sync/hq/console/roles.h"

namespace kiosk_sync::hq::console {

bool may(Role role, Permission p) {
    using P = Permission;
    switch (role) {
    case Role::admin:
        // Everything but the committee's and the officer's own work: an admin keeps the system
        // running and does not read beneficiaries' files.
        return p != P::read_requests && p != P::decide_requests && p != P::read_feedback && p != P::answer_feedback &&
               p != P::read_volunteers && p != P::update_volunteers && p != P::read_personal && p != P::export_lists;
    case Role::reviewer:
        return p == P::read_requests || p == P::decide_requests || p == P::read_personal || p == P::export_lists ||
               p == P::read_satisfaction || p == P::read_kiosks;
    case Role::officer:
        return p == P::read_feedback || p == P::answer_feedback || p == P::read_volunteers ||
               p == P::update_volunteers || p == P::read_personal || p == P::export_lists ||
               p == P::read_satisfaction || p == P::read_kiosks;
    case Role::viewer: return p == P::read_satisfaction || p == P::read_kiosks;
    }
    return false;
}

std::string_view to_string(Role role) {
    switch (role) {
    case Role::admin: return "admin";
    case Role::reviewer: return "reviewer";
    case Role::officer: return "officer";
    case Role::viewer: return "viewer";
    }
    return "viewer";
}

std::optional<Role> role_from(std::string_view name) {
    for (Role r : {Role::admin, Role::reviewer, Role::officer, Role::viewer})
        if (to_string(r) == name) return r;
    return std::nullopt;
}

}  // namespace kiosk_sync::hq::console
