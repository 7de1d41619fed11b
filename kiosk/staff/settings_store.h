// kiosk/staff/settings_store.h — the kiosk-wide settings staff change (digits, idle pause,
// default language, text size, contrast), kept in the store's settings table so that they
// survive a restart and need no write outside the data directory.
#pragma once

#include <expected>

#include "kiosk/staff/staff_state.h"
#include "kiosk/store/store.h"

namespace kiosk::staff {


// `defaults` (from config.json) with whatever staff saved laid over it; a value that cannot
// be read keeps the default.
KioskSettings load_settings(store::Store& store, KioskSettings defaults);
std::expected<void, store::StoreError> save_settings(store::Store& store, const KioskSettings& settings);

}  // namespace kiosk::staff
