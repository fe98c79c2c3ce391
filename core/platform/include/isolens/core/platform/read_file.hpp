#pragma once

// Reading a small file whole (/proc, cgroup files), for the core's parsers. Internal to the core.
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace isolens::detail {

// The file's bytes; nothing when it cannot be opened (gone, or not ours to read).
inline std::optional<std::string> readWholeFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace isolens::detail
