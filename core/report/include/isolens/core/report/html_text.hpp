#pragma once

#include <string>
#include <string_view>

namespace isolens {

// Text as HTML or SVG text and attribute values: & < > " ' and / become references. The slash too
// (OWASP's rule), so that no text of a report, such as an endpoint "unix:///run/docker.sock", reads as a
// URL: a report holds no "//" at all.
std::string htmlText(std::string_view text);

} // namespace isolens
