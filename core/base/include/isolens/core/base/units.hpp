#pragma once

#include <cstdint>
#include <string>

namespace isolens {

// "0 B", "512 B", "1.5 KiB", "23.54 GiB": binary units, as docker stats shows memory.
std::string formatBytes(std::int64_t bytes);

// "136": a time in milliseconds to the nearest whole one, halves away from zero (120.5 is 121), the one
// rule the CLI's tables, its log and the reports show start-up times by.
std::string wholeMilliseconds(double millis);

// The docker CLI's own renderings (go-units), so tables read exactly like docker stats:
// BytesSize: binary units, 4 significant digits, no space ("568KiB", "23.54GiB").
std::string dockerBytesSize(double bytes);
// HumanSizeWithPrecision: decimal units, 3 significant digits ("0B", "1.2kB", "45.6MB").
std::string dockerHumanSize(double bytes, int precision = 3);

} // namespace isolens
