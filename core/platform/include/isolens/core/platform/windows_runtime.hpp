#pragma once

#include <optional>
#include <string>

namespace isolens {

// Wine's version when running under Wine (ntdll exports wine_get_version), else nothing. Used to
// skip APIs Wine only stubs (PDH's counter arrays raise an exception there).
std::optional<std::string> wineVersion();

} // namespace isolens
