// fonts.json, read into plain data: which file plays which role and the fallback chain.
//
// Not for: general JSON. The reader understands exactly the JSON subset a manifest uses
// (objects, arrays, strings, and scalars it skips), which keeps ui/text free of a JSON library.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include "ui/text/expected.h"

namespace ui::text {

struct FontManifest {
    std::vector<std::string> fallback_chain;                 // role names, in order
    std::vector<std::pair<std::string, std::string>> roles;  // role → file name, file order
};

Expected<FontManifest, std::string> parse_font_manifest(std::string_view json);

}  // namespace ui::text
