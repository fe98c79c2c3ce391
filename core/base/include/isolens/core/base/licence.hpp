#pragma once

#include "isolens/core/base/version.hpp"

#include <string>
#include <string_view>

namespace isolens {

// IsoLens' licence, said once for every front end (--version of both programs, the About dialog).
// GPL-3.0-or-later because Qt Charts is open source only under the GPL-3.0; LICENSE holds the text.
inline constexpr std::string_view kLicenceId = "GPL-3.0-or-later";
inline constexpr std::string_view kLicenceUrl = "https://www.gnu.org/licenses/gpl-3.0.html";
inline constexpr std::string_view kLicenceStatement =
    "Licence GPL-3.0-or-later: GNU General Public License, version 3 or (at your option) any later "
    "version <https://www.gnu.org/licenses/gpl-3.0.html>.\n"
    "This program is free software: you may redistribute it and/or modify it under that licence.\n"
    "It comes with ABSOLUTELY NO WARRANTY, to the extent permitted by law.";

// What --version prints: "PROGRAM VERSION" on the first line (scripts read it), then the licence.
inline std::string versionStatement(std::string_view program)
{
    return std::string(program) + ' ' + kIsoLensVersion + '\n' + std::string(kLicenceStatement);
}

} // namespace isolens
