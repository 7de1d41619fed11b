// ui/platform/resources.h — where the data files are: fonts and assets.
//
// Binaries find build/share/mouj-kiosk (or PREFIX/share/mouj-kiosk) relative to their own
// path, so a build tree and an installed kiosk behave the same; KIOSK_SHARE_DIR overrides.
#pragma once

#include <string>

namespace ui::platform {

std::string share_dir();

}  // namespace ui::platform
