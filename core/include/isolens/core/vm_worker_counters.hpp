#pragma once

#include "isolens/core/error.hpp"

#include <cstdint>
#include <vector>

namespace isolens {

// Windows only. The private working set of each vmmem instance (vmmem, vmmem#1, ...) from the PDH
// counter \Process(vmmem*)\Working Set - Private, which needs no administrator rights, unlike
// opening vmmem itself. Under Wine, whose PDH lacks these counters and whose counter arrays raise,
// it reports that instead of calling PDH.
Result<std::vector<std::int64_t>> vmmemPrivateWorkingSets();

} // namespace isolens
