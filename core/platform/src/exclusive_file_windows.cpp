#include "exclusive_open.hpp"

#include "isolens/core/platform/system_text.hpp"

#include <cerrno>
#include <fcntl.h>
#include <io.h>
#include <windows.h>

#include <system_error>

namespace isolens {

namespace detail {

ExclusiveOpen openExclusive(const std::filesystem::path& path, FileAccess)
{
    // CREATE_NEW fails on any existing name, a symbolic link included. Access follows the folder's
    // ACL, which is the user's own under the profile. Readers may open it while it is written.
    HANDLE handle = CreateFileW(path.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_DELETE, nullptr,
                                CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (handle == INVALID_HANDLE_VALUE) {
        const DWORD code = GetLastError();
        return {nullptr, code == ERROR_FILE_EXISTS || code == ERROR_ALREADY_EXISTS,
                std::system_category().message(static_cast<int>(code))};
    }
    const int fd = _open_osfhandle(reinterpret_cast<intptr_t>(handle), _O_WRONLY | _O_BINARY);
    if (fd < 0) {
        CloseHandle(handle);
        DeleteFileW(path.c_str());
        return {nullptr, false, "cannot open a stream on the new file"};
    }
    std::FILE* file = _fdopen(fd, "wb");
    if (!file) {
        _close(fd);
        DeleteFileW(path.c_str());
        return {nullptr, false, "cannot open a stream on the new file"};
    }
    return {file, false, {}};
}

int syncToDisk(std::FILE* file)
{
    const auto handle = reinterpret_cast<HANDLE>(_get_osfhandle(_fileno(file)));
    if (handle == INVALID_HANDLE_VALUE)
        return EBADF;
    if (FlushFileBuffers(handle))
        return 0;
    // The CRT's words for the common cases, so the message reads as a write's does.
    switch (GetLastError()) {
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL:
        return ENOSPC;
    case ERROR_ACCESS_DENIED:
        return EACCES;
    default:
        return EIO;
    }
}

bool isDiskFull(int code)
{
    return code == ENOSPC;
}

} // namespace detail

Result<void> createPrivateDirectories(const std::filesystem::path& directory)
{
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    if (ec)
        return makeError(ErrorKind::PermissionDenied,
                         "Cannot create the folder " + utf8FromPath(directory) + ": " + ec.message());
    return success();
}

} // namespace isolens
