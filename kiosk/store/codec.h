// kiosk/store/codec.h — which parts of a record stay in the clear and which are sealed.
// For: turning a validated domain record into the `clear` object dashboards and HQ lists may
// read, and the personal JSON that is sealed. Not for: encryption (sealing.h) or SQL.
//
// The line is drawn so that a stolen kiosk reveals no visitor:
//   support request  clear: request type.  Sealed: everything else — name, ID, mobile, city,
//                    district, family size, income, description, declaration, signature.
//                    Family size and income stay sealed: with the district and the time they
//                    can single out a household in a small community.
//   feedback         clear: category, whether a reply was asked for (contact given).
//                    Sealed: text (complaints name people), name, mobile.
//   volunteer        clear: skill and availability keys.  Sealed: name, mobile, free text.
//   rating           clear: scores, service, counter, whether a comment was written (the staff
//                    dashboard counts them). Sealed: the comment — visitors write names and
//                    numbers in it, in forms no mask catches ("055, 123, 4567"); it is read at HQ.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/domain/records.h"

namespace kiosk::store {

struct Encoded {
    std::string_view kind;  // wire name
    nlohmann::json clear = nlohmann::json::object();
    nlohmann::json personal = nlohmann::json::object();  // empty object: nothing to seal
    bool has_reference = true;                           // ratings are anonymous: no reference to follow up
};

Encoded encode(const domain::Record& record);

}  // namespace kiosk::store
