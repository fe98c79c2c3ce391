#pragma once

#include "isolens/core/platform/exclusive_file.hpp"

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

// Puts the stream's written data on the disk (the stream must be flushed first). Returns the
// system's error code, 0 when it succeeded.
int syncToDisk(std::FILE* file);
// Whether a system error code means the disk is full or the user's quota is used up.
bool isDiskFull(int code);

} // namespace isolens::detail
