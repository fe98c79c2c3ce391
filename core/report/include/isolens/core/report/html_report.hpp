#pragma once

#include "isolens/core/report/report_document.hpp"

#include <string>

namespace isolens {

// The report as one self-contained HTML page: an inline style sheet, the charts as inline SVG, no
// script, no link, no image file, no URL of any kind, so opening it makes no request.
std::string htmlReport(const ReportDocument& document);

} // namespace isolens
