// kiosk/domain/message_keys.h — every message key validation can hand to the UI.
// For: the UI looks each key up in assets/strings (ar, en); a test there can walk
// all_message_keys() and fail when a translation is missing. Keys never carry English text.
// Not for: store or network errors (kiosk/store/error.h has those keys).
#pragma once

#include <span>
#include <string_view>

namespace kiosk::domain::keys {

// Any field
inline constexpr std::string_view required = "error.field.required";
inline constexpr std::string_view invalid_encoding = "error.text.invalid_encoding";
inline constexpr std::string_view invisible_character = "error.text.invisible_character";
inline constexpr std::string_view unsupported_character = "error.text.unsupported_character";
inline constexpr std::string_view too_short = "error.text.too_short";  // FieldError::limit = minimum
inline constexpr std::string_view too_long = "error.text.too_long";    // FieldError::limit = maximum
inline constexpr std::string_view invalid_choice = "error.choice.invalid";
// Names
inline constexpr std::string_view name_invalid_character = "error.name.invalid_character";
inline constexpr std::string_view name_mixed_scripts = "error.name.mixed_scripts";
inline constexpr std::string_view name_full_name_required = "error.name.full_name_required";
// National ID / iqama
inline constexpr std::string_view national_id_invalid_character = "error.national_id.invalid_character";
inline constexpr std::string_view national_id_length = "error.national_id.length";
inline constexpr std::string_view national_id_prefix = "error.national_id.prefix";
inline constexpr std::string_view national_id_checksum = "error.national_id.checksum";
// Mobile
inline constexpr std::string_view mobile_invalid_character = "error.mobile.invalid_character";
inline constexpr std::string_view mobile_format = "error.mobile.format";
// Numbers
inline constexpr std::string_view number_invalid = "error.number.invalid";
inline constexpr std::string_view family_size_range = "error.family_size.range";
inline constexpr std::string_view income_range = "error.income.range";
// Support request
inline constexpr std::string_view declaration_required = "error.declaration.required";
inline constexpr std::string_view signature_required = "error.signature.required";
inline constexpr std::string_view signature_too_small = "error.signature.too_small";
inline constexpr std::string_view signature_invalid = "error.signature.invalid";
// Volunteer
inline constexpr std::string_view skills_required = "error.volunteer.skills_required";
inline constexpr std::string_view availability_required = "error.volunteer.availability_required";
// Rating
inline constexpr std::string_view score_range = "error.rating.score_range";
inline constexpr std::string_view counter_range = "error.rating.counter_range";
// Reference look-up
inline constexpr std::string_view reference_format = "error.reference.format";
inline constexpr std::string_view reference_checksum = "error.reference.checksum";

// All of the above, once each.
std::span<const std::string_view> all_message_keys();

}  // namespace kiosk::domain::keys
