// The one list of validation message keys; see message_keys.h.
#include "kiosk/domain/message_keys.h"

#include <array>

namespace kiosk::domain::keys {

std::span<const std::string_view> all_message_keys() {
    static constexpr std::array kAll = {
        required,
        invalid_encoding,
        invisible_character,
        unsupported_character,
        too_short,
        too_long,
        invalid_choice,
        name_invalid_character,
        name_mixed_scripts,
        name_full_name_required,
        national_id_invalid_character,
        national_id_length,
        national_id_prefix,
        national_id_checksum,
        mobile_invalid_character,
        mobile_format,
        number_invalid,
        family_size_range,
        income_range,
        declaration_required,
        signature_required,
        signature_too_small,
        signature_invalid,
        skills_required,
        availability_required,
        score_range,
        counter_range,
        reference_format,
        reference_checksum,
    };
    return kAll;
}

}  // namespace kiosk::domain::keys
