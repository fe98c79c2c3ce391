#include "exclusive_open.hpp"

#include "isolens/core/platform/system_text.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace isolens {

namespace detail {

ExclusiveOpen openExclusive(const std::filesystem::path& path, FileAccess access)
{
    // O_EXCL fails on any existing name, a dangling symlink included; O_NOFOLLOW says so twice.
    const mode_t mode = access == FileAccess::OwnerOnly ? 0600 : 0644;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0)
        return {nullptr, errno == EEXIST, std::strerror(errno)};
    std::FILE* file = ::fdopen(fd, "wb");
    if (!file) {
        const std::string reason = std::strerror(errno);
        ::close(fd);
        ::unlink(path.c_str());
        return {nullptr, false, reason};
    }
    return {file, false, {}};
}

int syncToDisk(std::FILE* file)
{
    return ::fdatasync(::fileno(file)) == 0 ? 0 : errno;
}

bool isDiskFull(int code)
{
    return code == ENOSPC || code == EDQUOT;
}

} // namespace detail

Result<void> createPrivateDirectories(const std::filesystem::path& directory)
{
    std::filesystem::path partial;
    for (const auto& part : directory) {
        partial /= part;
        if (::mkdir(partial.c_str(), 0700) == 0 || errno == EEXIST)
            continue;
        return makeError(ErrorKind::PermissionDenied,
                         "Cannot create the folder " + utf8FromPath(partial) + ": " + std::strerror(errno));
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec))
        return makeError(ErrorKind::InvalidInput, utf8FromPath(directory) + " is not a folder");
    return success();
}

} // namespace isolens
