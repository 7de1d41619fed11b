// The Ui's side of the frame record (ui/platform/frame_record.h): what labels and controls
// put into it as they draw. Nothing here changes what is drawn. Backgrounds are found among
// the boxes filled so far on the same layer or below, latest first, blending any that are
// translucent (an overlay's dimming) over what lies under them.
#include <algorithm>

#include "ui/widgets/ui.h"

namespace ui::widgets {
namespace {

using ui::platform::RecordItem;

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

// Contains, counting the edges: a text box of zero height still lies on its surface.
bool covers(const Rect& r, float x, float y) { return x >= r.x && x <= r.right() && y >= r.y && y <= r.bottom(); }

Colour blend(Colour over, Colour under) {
    const unsigned a = over >> 24;
    Colour out = 0xFF000000u;
    for (int shift = 0; shift < 24; shift += 8) {
        const unsigned top = (over >> shift) & 0xFF;
        const unsigned bottom = (under >> shift) & 0xFF;
        out |= ((top * a + bottom * (255 - a) + 127) / 255) << shift;
    }
    return out;
}

// Where the lines of a layout drawn at (x, y) are: the ink, not the box it was given.
Rect ink_box(const ui::text::Layout& l, float x, float y) {
    if (l.lines.empty()) return Rect{x, y, 0.0f, l.height};
    float left = l.lines.front().x;
    float right = l.lines.front().x + l.lines.front().width;
    for (const auto& line : l.lines) {
        left = std::min(left, line.x);
        right = std::max(right, line.x + line.width);
    }
    return Rect{x + left, y, right - left, l.height};
}

}  // namespace

Rect Ui::clip_rect() const { return clips_.empty() ? Rect{0, 0, frame_.width, frame_.height} : clips_.back().rect; }

void Ui::record_surface(const Rect& r, Colour colour) {
    if (frame_.record) frame_.record->add_surface({r, colour, layer_});
}

Colour Ui::background_at(float x, float y, std::size_t before) const {
    const auto surfaces = frame_.record->surfaces();
    for (std::size_t i = std::min(before, surfaces.size()); i-- > 0;) {
        const auto& s = surfaces[i];
        if (s.layer > layer_ || !covers(s.rect, x, y)) continue;
        if ((s.colour >> 24) == 0xFF) return s.colour;
        return blend(s.colour, background_at(x, y, i));
    }
    return theme_.background;
}

void Ui::record_control(std::string_view id, const Rect& area) {
    open_control_ = kNoControl;
    if (!frame_.record) return;
    const Rect clip = clip_rect();
    if (!overlaps(area, clip)) return;
    const RecordItem item{.role = RecordRole::Button,
                          .layer = layer_,
                          .box = area,
                          .text_box = Rect{area.cx(), area.cy(), 0, 0},
                          .clip = clip,
                          .background = background_at(area.cx(), area.cy(), frame_.record->surfaces().size())};
    open_control_ = frame_.record->add(item, id, {});
}

void Ui::mark(RecordRole role, std::uint8_t flags) {
    if (!frame_.record || open_control_ == kNoControl) return;
    RecordItem& item = frame_.record->item(open_control_);
    item.role = role;
    item.flags |= flags;
}

void Ui::record_text(std::string_view text, const ui::text::Layout& layout, float x, float y, Colour colour,
                     TextRole role) {
    ui::platform::FrameRecord* record = frame_.record;
    if (!record || text.empty()) return;
    const Rect ink = ink_box(layout, x, y);
    const Colour under = background_at(ink.cx(), ink.cy(), record->surfaces().size());
    const std::uint8_t truncated = layout.truncated ? ui::platform::kRecordTruncated : 0;
    if (open_control_ != kNoControl) {
        RecordItem& control = record->item(open_control_);
        if (!covers(control.box, ink.cx(), ink.cy())) {
            open_control_ = kNoControl;
        } else if (control.text_px == 0.0f) {
            // The control's own words: its name for a reader, its label for a layout check.
            control.text_box = ink;
            control.text_px = layout.size_px;
            control.foreground = colour;
            control.background = under;
            control.flags |= truncated;
            // Kept even when a scroll area hides these words: the control is partly shown.
            record->set_text(open_control_, text);
            return;
        }
    }
    const Rect clip = clip_rect();
    if (!overlaps(Rect{ink.x, ink.y, std::max(ink.w, 1.0f), std::max(ink.h, 1.0f)}, clip)) return;
    RecordItem item{.role = colour == theme_.danger                                  ? RecordRole::Error
                            : role == TextRole::Heading || role == TextRole::Display ? RecordRole::Heading
                                                                                     : RecordRole::Text,
                    .flags = truncated,
                    .layer = layer_,
                    .box = ink,
                    .text_box = ink,
                    .clip = clip,
                    .text_px = layout.size_px,
                    .foreground = colour,
                    .background = under};
    if (open_control_ == kNoControl) {
        record->add(item, {}, text);
        return;
    }
    // More words inside a control (a tile's hint under its title) name the control too.
    const RecordItem control = record->item(open_control_);
    const std::size_t index = record->add(item, {}, text);
    record->item(index).id_begin = control.id_begin;
    record->item(index).id_size = control.id_size;
}

}  // namespace ui::widgets
