#pragma once

#include "isolens/core/base/error.hpp"

#include <cstdint>
#include <filesystem>
#include <set>
#include <string>

namespace isolens {

// One container IsoLens created, as recorded right after the engine created it.
struct LedgerEntry {
    std::string id;
    std::string session;
    std::string mode;
    std::string endpoint;
    std::int64_t createdNanos = 0;
};

// The record of the containers this user's IsoLens created: the evidence cleanup needs before it
// removes anything. One JSON line per container, only ever appended. On POSIX the file is created
// 0600 in a 0700 folder, and refused when it or its folder is another user's or writable by others.
class ContainerLedger {
public:
    explicit ContainerLedger(std::filesystem::path file)
        : file_(std::move(file))
    {}

    // In the user's data folder: $XDG_DATA_HOME/IsoLens (~/.local/share/IsoLens); %APPDATA%\IsoLens.
    static std::filesystem::path defaultFile();

    const std::filesystem::path& file() const { return file_; }
    Result<void> append(const LedgerEntry& entry) const;
    // The IDs recorded so far; none when nothing was recorded yet.
    Result<std::set<std::string>> ids() const;

private:
    std::filesystem::path file_;
};

} // namespace isolens
