// The lists' kinds and states; see data.h.
#include "sync/hq/console/data.h"

#include <algorithm>

namespace kiosk_sync::hq::console {

std::string_view record_kind_of(ListKind list) {
    switch (list) {
    case ListKind::requests: return "support_request";
    case ListKind::feedback: return "feedback";
    case ListKind::volunteers: return "volunteer";
    }
    return "support_request";
}

const std::vector<std::string_view>& states_of(ListKind list) {
    static const std::vector<std::string_view> requests{"received", "in-review", "needs-info", "accepted", "rejected"};
    static const std::vector<std::string_view> feedback{"received", "answered", "closed"};
    static const std::vector<std::string_view> volunteers{"received", "contacted", "active", "declined"};
    switch (list) {
    case ListKind::requests: return requests;
    case ListKind::feedback: return feedback;
    case ListKind::volunteers: return volunteers;
    }
    return requests;
}

bool is_state_of(ListKind list, std::string_view state) {
    const auto& states = states_of(list);
    return std::find(states.begin(), states.end(), state) != states.end();
}

}  // namespace kiosk_sync::hq::console
