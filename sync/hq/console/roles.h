// sync/hq/console/roles.h — who may do what in the HQ console (DESIGN.md, "HQ"). The server
// asks may() before every route and action; hiding a link is never the check.
//   admin     users, kiosks, content, the key; reads the audit log
//   reviewer  the research committee: support requests, with personal data
//   officer   beneficiary relations: inquiries, complaints, suggestions, volunteers, with
//             personal data
//   viewer    satisfaction figures and the kiosks, never personal data
#pragma once

#include <optional>
#include <string_view>

namespace kiosk_sync::hq::console {

enum class Role { admin, reviewer, officer, viewer };

enum class Permission {
    read_requests,    // the support-request inbox and a request's page
    decide_requests,  // change a request's state, with a note
    read_feedback,    // inquiries, complaints, suggestions
    answer_feedback,  // their states and reply notes
    read_volunteers,
    update_volunteers,
    read_personal,  // decrypted fields on any page this role may open
    export_lists,   // CSV of the lists this role may read
    read_satisfaction,
    read_kiosks,
    manage_kiosks,   // revoke a kiosk
    manage_content,  // publish the kiosks' content
    manage_users,
    manage_key,  // unlock and lock HQ's key
    read_audit,
};

bool may(Role role, Permission permission);

std::string_view to_string(Role role);
std::optional<Role> role_from(std::string_view name);

}  // namespace kiosk_sync::hq::console
