// kiosk/screens/outcomes.h — what the outcome of an action a screen asked for (action.h)
// does to the visit: the app performs the action, then calls one of these. They only change
// the Session, so a test can check a flow's end without a store.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/screens/action.h"
#include "kiosk/screens/screen.h"
#include "kiosk/store/types.h"

namespace kiosk::screens {

// The record was committed under `reference` (empty for a rating) at `wall_ms`: the visitor
// goes to the flow's done screen; a support request's personal data leaves memory.
void record_committed(Session& session, FormKind form, std::string_view reference, std::int64_t wall_ms);
// It was not: the calm message (`message_key`) goes to the top of the form, which stays as it was.
void record_not_committed(Session& session, FormKind form, std::string_view message_key);

// The status of `canonical` was found (or not: `result` says what the kiosk and HQ know).
void status_found(Session& session, std::string canonical, store::StatusLookup result);
// The store could not be read.
void status_not_read(Session& session, std::string_view message_key);

}  // namespace kiosk::screens
