#include "isolens/core/session/container_ledger.hpp"

#include "isolens/core/base/safe_text.hpp"
#include "isolens/core/platform/system_text.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <sstream>

#ifdef _WIN32
#include <fstream>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace isolens {

namespace fs = std::filesystem;

namespace {

Error ledgerError(const fs::path& file, const std::string& what)
{
    auto error = makeError(ErrorKind::PermissionDenied, "The record of the containers IsoLens created (" +
                                                            utf8FromPath(file) + ") " + what);
    error.hint = "Make it and its folder yours alone (chmod 700 on the folder, 600 on the file), or remove "
                 "the file; cleanup then removes only containers recorded in it from now on";
    return error;
}

std::string lineOf(const LedgerEntry& entry)
{
    return dumpJson({{"id", entry.id},
                     {"session", entry.session},
                     {"mode", entry.mode},
                     {"endpoint", entry.endpoint},
                     {"created", entry.createdNanos}}) +
           '\n';
}

// A line torn by a crash, or not ours, is skipped: it proves nothing.
std::set<std::string> idsIn(const std::string& text)
{
    std::set<std::string> ids;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        auto entry = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (entry.is_object() && entry.contains("id") && entry["id"].is_string())
            ids.insert(entry["id"].get<std::string>());
    }
    return ids;
}

#ifndef _WIN32
// Only the user may have written what we trust.
bool trustworthy(const struct stat& status)
{
    return status.st_uid == geteuid() && (status.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

enum class Folder { Missing, Private };

// The ledger's folder, made the user's alone: created 0700 when asked to, and when it is the
// user's but group- or world-writable (a umask of 002 leaves it so), the write bits of others are
// taken away, since anyone who may write the folder may replace the file.
Result<Folder> privateFolder(const fs::path& file, bool create)
{
    const auto folder = file.parent_path();
    if (create) {
        std::error_code ignored;
        fs::create_directories(folder.parent_path(), ignored);
        if (mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST)
            return ledgerError(file, std::string("cannot be created: ") + std::strerror(errno));
    }
    struct stat status {};
    if (lstat(folder.c_str(), &status) != 0)
        return errno == ENOENT && !create
                   ? Result<Folder>(Folder::Missing)
                   : Result<Folder>(ledgerError(file, std::string("has no folder: ") + std::strerror(errno)));
    if (!S_ISDIR(status.st_mode) || status.st_uid != geteuid())
        return ledgerError(file, "is in a folder that is not yours");
    if (!trustworthy(status) && chmod(folder.c_str(), status.st_mode & 0755) != 0)
        return ledgerError(file, "is in a folder others may write, and it cannot be changed");
    return Folder::Private;
}
#endif

} // namespace

fs::path ContainerLedger::defaultFile()
{
    const fs::path name = "created-containers.jsonl";
#ifdef _WIN32
    return environmentPath("APPDATA").value_or(".") / "IsoLens" / name;
#else
    if (auto data = environmentPath("XDG_DATA_HOME"); data && data->is_absolute())
        return *data / "IsoLens" / name;
    return environmentPath("HOME").value_or(".") / ".local" / "share" / "IsoLens" / name;
#endif
}

#ifdef _WIN32
// %APPDATA% is the user's own by its default ACL.
Result<void> ContainerLedger::append(const LedgerEntry& entry) const
{
    std::error_code ignored;
    fs::create_directories(file_.parent_path(), ignored);
    std::ofstream out(file_, std::ios::binary | std::ios::app);
    out << lineOf(entry);
    if (!out.flush())
        return ledgerError(file_, "cannot be written");
    return success();
}

Result<std::set<std::string>> ContainerLedger::ids() const
{
    std::ifstream in(file_, std::ios::binary);
    if (!in)
        return std::set<std::string>{};
    std::ostringstream text;
    text << in.rdbuf();
    return idsIn(text.str());
}
#else
Result<void> ContainerLedger::append(const LedgerEntry& entry) const
{
    if (auto folder = privateFolder(file_, /*create=*/true); !folder)
        return folder.error();
    constexpr int kFlags = O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC;
    int fd = open(file_.c_str(), kFlags | O_CREAT | O_EXCL, 0600);
    if (fd < 0 && errno == EEXIST)
        fd = open(file_.c_str(), kFlags);
    if (fd < 0)
        return ledgerError(file_, std::string("cannot be opened: ") + std::strerror(errno));
    struct stat status {};
    if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode) || !trustworthy(status)) {
        close(fd);
        return ledgerError(file_, "is not yours alone");
    }
    const auto line = lineOf(entry);
    const bool written = write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    close(fd);
    if (!written)
        return ledgerError(file_, "cannot be written");
    return success();
}

Result<std::set<std::string>> ContainerLedger::ids() const
{
    auto folder = privateFolder(file_, /*create=*/false);
    if (!folder)
        return folder.error();
    const int fd =
        folder.value() == Folder::Missing ? -1 : open(file_.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return folder.value() == Folder::Missing || errno == ENOENT
                   ? Result<std::set<std::string>>(std::set<std::string>{})
                   : Result<std::set<std::string>>(
                         ledgerError(file_, std::string("cannot be read: ") + std::strerror(errno)));
    struct stat status {};
    const bool trusted = fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && trustworthy(status);
    std::string text;
    char buffer[4096];
    for (ssize_t n; trusted && (n = read(fd, buffer, sizeof buffer)) > 0;)
        text.append(buffer, static_cast<std::size_t>(n));
    close(fd);
    if (!trusted)
        return ledgerError(file_, "is not yours alone, so it proves nothing");
    return idsIn(text);
}
#endif

} // namespace isolens
