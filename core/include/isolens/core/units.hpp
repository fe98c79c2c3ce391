#pragma once

#include <cstdint>
#include <string>

namespace isolens {

// "0 B", "512 B", "1.5 KiB", "23.54 GiB": binary units, as docker stats shows memory.
std::string formatBytes(std::int64_t bytes);

} // namespace isolens
