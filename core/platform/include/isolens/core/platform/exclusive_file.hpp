#pragma once

#include "isolens/core/base/error.hpp"

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace isolens {

// Who may read a file this program creates. Recordings hold the engine's endpoint, the command and
// the host's name: they are the user's alone. Exports of measurements may be read by others.
enum class FileAccess {
    OwnerOnly, // 0600
    Readable,  // 0644 (less the umask)
};

// A file this process has just created, open for writing. Creation is exclusive and atomic
// (O_CREAT|O_EXCL|O_NOFOLLOW, CREATE_NEW on Windows): an existing file, or a symlink even a
// dangling one, is never opened, followed or truncated. Until keep() is called the file is removed
// again when this is destroyed, so a failure leaves nothing half-written behind.
class ExclusiveFile {
public:
    // Fails, naming the file, when anything already exists at path.
    static Result<ExclusiveFile> create(const std::filesystem::path& path, FileAccess access);
    // path, or "<stem>-2<ext>", "<stem>-3<ext>" …: the first name free at the moment of creation.
    static Result<ExclusiveFile> createNumbered(const std::filesystem::path& path, FileAccess access);
    // "<prefix><12 random letters and digits><suffix>" in directory, like mkstemp: a name nobody can
    // guess in advance to put a file or link there first.
    static Result<ExclusiveFile> createTemporary(const std::filesystem::path& directory,
                                                 std::string_view prefix, std::string_view suffix);

    ExclusiveFile(ExclusiveFile&& other) noexcept;
    ExclusiveFile& operator=(ExclusiveFile&& other) noexcept;
    ExclusiveFile(const ExclusiveFile&) = delete;
    ExclusiveFile& operator=(const ExclusiveFile&) = delete;
    ~ExclusiveFile();

    const std::filesystem::path& path() const { return path_; }
    std::FILE* stream() const { return file_; }
    // The file is wanted: destruction closes it but no longer removes it.
    void keep() { keep_ = true; }
    // Writes all of text and flushes it to the system. A full disk (or quota) is ErrorKind::DiskFull;
    // the message names the file and carries the system's words.
    Result<void> write(std::string_view text);
    // Asks the system to put what was written on the disk (fdatasync, FlushFileBuffers), so a power
    // loss cannot take it: slow, a few milliseconds, so not after every line.
    Result<void> sync();
    // Syncs and closes, reporting what either says. Afterwards the file takes no writes; unless kept,
    // it is still removed when this is destroyed.
    Result<void> close();

private:
    ExclusiveFile(std::filesystem::path path, std::FILE* file)
        : path_(std::move(path))
        , file_(file)
        , owned_(true)
    {}
    void release();

    std::filesystem::path path_;
    std::FILE* file_ = nullptr;
    bool owned_ = false; // false once moved from
    bool keep_ = false;
};

// Creates directory and any missing parents, each new one the user's alone (0700 on POSIX).
// Folders that already exist are left as they are.
Result<void> createPrivateDirectories(const std::filesystem::path& directory);

} // namespace isolens
