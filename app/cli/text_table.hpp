#pragma once

#include <string>
#include <vector>

// Aligns rows into columns the way the docker CLI's tabwriter does (minimum width 10, padding 3),
// so isolens-cli's tables line up like docker's.
std::string alignColumns(const std::vector<std::vector<std::string>>& rows);

// "12.3 MiB": bytes as the comparison tables show memory.
std::string megabytes(double bytes);
// "4.56%": a CPU figure as the tables show it.
std::string percent(double value);
// "136 ms": a start-up time, to the nearest millisecond (wholeMilliseconds, as the reports show it).
std::string milliseconds(double millis);
