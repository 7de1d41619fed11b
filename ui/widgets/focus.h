// ui/widgets/focus.h — which field has the caret, and what was typed for it.
//
// Lives outside any single frame (the app owns one). The on-screen keyboard, a physical
// keyboard and a replay's {"type": …} all reach the focused field through the same queue
// (`pending`), so there is one path for text entry: the app drains the host's input into it
// once per frame (take_host_input), the keyboard adds its taps, and the focused field
// consumes it when drawn (controls.h, take_edits).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ui/platform/app.h"

namespace ui::widgets {

enum class KeyboardLayout { Arabic, English, Digits };

struct Edit {
    enum class Kind { Text, Key } kind = Kind::Text;
    std::string text;
    ui::platform::Key key = ui::platform::Key::Backspace;
};

struct Focus {
    std::string id;             // target id of the focused field; empty: none
    std::size_t caret = 0;      // byte offset in the field's text
    bool caret_set = false;     // caret placed by a touch, else it goes to the end
    std::vector<Edit> pending;  // typed since the field last drew
    KeyboardLayout layout = KeyboardLayout::Arabic;
    bool shift = false;
    bool submit_requested = false;  // "done"/enter on the keyboard
    int reveal_frames = 0;          // scroll the newly focused field into view (the keyboard
                                    // takes its room a frame later, so twice)

    void focus(std::string_view field_id, KeyboardLayout preferred) {
        if (id != field_id) {
            id = std::string(field_id);
            caret_set = false;
            pending.clear();
            layout = preferred;
            shift = false;
            reveal_frames = 2;
        }
    }
    void clear() {
        id.clear();
        pending.clear();
        caret = 0;
        caret_set = false;
        shift = false;
    }
    bool focused(std::string_view field_id) const { return id == field_id; }

    // This frame's typed text and keys from the host, for the focused field; dropped when
    // no field has the caret (nothing would take them).
    void take_host_input(const ui::platform::Input& input) {
        if (id.empty()) return;
        if (!input.text.empty()) pending.push_back(Edit{Edit::Kind::Text, input.text});
        for (auto k : input.keys) pending.push_back(Edit{Edit::Kind::Key, {}, k});
    }
};

}  // namespace ui::widgets
