#pragma once

#include <string>
#include <vector>

// Aligns rows into columns the way the docker CLI's tabwriter does (minimum width 10, padding 3),
// so isolens-cli's tables line up like docker's.
std::string alignColumns(const std::vector<std::vector<std::string>>& rows);
