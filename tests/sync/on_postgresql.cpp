// Linked into the test binaries whose HQ runs on PostgreSQL (ctest label "postgresql"): the
// same tests as their SQLite twins, with every kiosk-hq command given --db.
#include "tests/sync/postgres.h"

namespace {

const bool kSelected = (kiosk_sync::testkit::select_hq_engine(kiosk_sync::testkit::HqEngine::postgresql), true);

}  // namespace
