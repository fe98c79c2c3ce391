#pragma once

#include "isolens/core/exclusive_file.hpp"

#include <cstdio>
#include <filesystem>
#include <string>

namespace isolens::detail {

// The platform's exclusive creation: a stream on a new file, or whether something was in the way.
struct ExclusiveOpen {
    std::FILE* file = nullptr;
    bool existed = false; // the name was taken (a file, a folder, a link)
    std::string reason;   // the system's words when it failed otherwise
};
ExclusiveOpen openExclusive(const std::filesystem::path& path, FileAccess access);

} // namespace isolens::detail
