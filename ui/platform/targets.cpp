// Target id registry; see targets.h.
#include "ui/platform/targets.h"

#include <algorithm>

namespace ui::platform {

const Rect* Targets::find(std::string_view id) const {
    auto it = shown_.find(std::string(id));
    return it == shown_.end() ? nullptr : &it->second;
}

bool Targets::is_hidden(std::string_view id) const {
    return std::find(hidden_.begin(), hidden_.end(), id) != hidden_.end();
}

std::vector<std::string> Targets::ids() const {
    std::vector<std::string> out;
    out.reserve(shown_.size());
    for (const auto& [id, rect] : shown_) out.push_back(id);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace ui::platform
