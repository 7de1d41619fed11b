// The end of each flow once the app has performed what it asked for; see outcomes.h.
#include "kiosk/screens/outcomes.h"

#include <utility>

#include "kiosk/screens/form.h"

namespace kiosk::screens {

namespace {

template <class Form>
void committed(Session& session, FormFlow<Form>& flow, std::string_view reference, ScreenId done) {
    flow.error_key.clear();
    flow.reference = std::string(reference);
    session.go(done);
}

}  // namespace

void record_committed(Session& session, FormKind form, std::string_view reference, std::int64_t wall_ms) {
    auto& forms = session.forms;
    switch (form) {
    case FormKind::Rating:
        forms.rating.error_key.clear();
        session.last_rating_ms = wall_ms;
        session.go(ScreenId::RateDone);
        return;
    case FormKind::Feedback: committed(session, forms.feedback, reference, ScreenId::FeedbackDone); return;
    case FormKind::Volunteer: committed(session, forms.volunteer, reference, ScreenId::VolunteerDone); return;
    case FormKind::Request:
        // Committed: the visitor's personal data need not stay in memory any longer.
        forms.request.form = {};
        forms.request.errors.clear();
        forms.request.scroll.reset();
        committed(session, forms.request, reference, ScreenId::RequestDone);
        return;
    }
}

void record_not_committed(Session& session, FormKind form, std::string_view message_key) {
    auto& forms = session.forms;
    switch (form) {
    case FormKind::Rating: show_form_message(session, forms.rating.error_key, forms.rating.scroll, message_key); return;
    case FormKind::Feedback:
        show_form_message(session, forms.feedback.error_key, forms.feedback.scroll, message_key);
        return;
    case FormKind::Volunteer:
        show_form_message(session, forms.volunteer.error_key, forms.volunteer.scroll, message_key);
        return;
    case FormKind::Request:
        show_form_message(session, forms.request.error_key, forms.request.scroll, message_key);
        return;
    }
}

void status_found(Session& session, std::string canonical, store::StatusLookup result) {
    auto& flow = session.forms.status;
    flow.error_key.clear();
    flow.canonical = std::move(canonical);
    flow.result = std::move(result);
    flow.result_scroll.reset();
    session.go(ScreenId::StatusResult);
}

void status_not_read(Session& session, std::string_view message_key) {
    session.forms.status.error_key = std::string(message_key);
    session.focus.clear();
    session.changed = true;
}

}  // namespace kiosk::screens
