// kiosk/screens/request_steps.h — what the request wizard's screens share (internal to
// request*.cpp): the steps, which step owns which field, and validation of the form up to a
// step.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/screens/form.h"
#include "kiosk/screens/screen.h"
#include "ui/widgets/focus.h"

namespace kiosk::screens::request {

enum class Step { Need = 0, Data = 1, Review = 2, Sign = 3 };

inline constexpr std::array<std::string_view, 4> kStepKeys = {"request.step.need", "request.step.data",
                                                              "request.step.review", "request.step.sign"};

// The step on which a field of the domain's FieldError is entered.
Step step_of(std::string_view field);
ScreenId screen_of(Step step);

// Validates the whole form and keeps in flow.errors the errors of `upto` and the steps
// before it (later steps have not been seen yet). Returns the first step with an error.
std::optional<Step> check_up_to(RequestFlow& flow, Step upto);

// Forgets the error of `field` (the visitor is correcting it).
void drop_error(RequestFlow& flow, std::string_view field);

// The form frame of a step: title, progress, and the primary action.
FormSpec step_spec(Step step, std::string_view title_key, std::string_view subtitle_key);

// The keyboard for free text: the visitor's language.
ui::widgets::KeyboardLayout text_keyboard(const ScreenContext& ctx);

// "request.type.food" for "food".
std::string type_label_key(std::string_view type);

}  // namespace kiosk::screens::request
