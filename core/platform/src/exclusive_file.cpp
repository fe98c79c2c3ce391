#include "isolens/core/platform/exclusive_file.hpp"

#include "exclusive_open.hpp"

#include "isolens/core/platform/system_text.hpp"

#include <cerrno>
#include <cstring>
#include <random>
#include <string>
#include <utility>

namespace isolens {

namespace {

Error takenError(const std::filesystem::path& path)
{
    auto error = makeError(ErrorKind::InvalidInput, "Will not overwrite " + utf8FromPath(path) +
                                                        ": choose another file, or remove it first");
    error.hint = "Choose another file, or remove the one that is there first";
    return error;
}

Error failedError(const std::filesystem::path& path, const std::string& reason)
{
    return makeError(ErrorKind::PermissionDenied, "Cannot create " + utf8FromPath(path) + ": " + reason);
}

// What the system said about writing path, as an error of the kind a user can act on.
Error writeError(const std::filesystem::path& path, std::string_view what, int code)
{
    auto error = makeError(detail::isDiskFull(code) ? ErrorKind::DiskFull : ErrorKind::Other,
                           std::string(what) + " " + utf8FromPath(path) +
                               " failed: " + (code != 0 ? std::strerror(code) : "the system gave no reason"));
    if (error.kind == ErrorKind::Other)
        error.hint = "Check the disk that holds the file (is it still there, is it writable?), or write it "
                     "to another disk.";
    return error;
}

std::string randomLetters(std::size_t count)
{
    static constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device device;
    std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
    std::string letters(count, ' ');
    for (auto& c : letters)
        c = kAlphabet[pick(device)];
    return letters;
}

} // namespace

Result<ExclusiveFile> ExclusiveFile::create(const std::filesystem::path& path, FileAccess access)
{
    auto opened = detail::openExclusive(path, access);
    if (opened.file)
        return ExclusiveFile(path, opened.file);
    return opened.existed ? takenError(path) : failedError(path, opened.reason);
}

Result<ExclusiveFile> ExclusiveFile::createNumbered(const std::filesystem::path& path, FileAccess access)
{
    constexpr int kMostTries = 1000;
    auto candidate = path;
    for (int n = 2; n <= kMostTries; ++n) {
        auto opened = detail::openExclusive(candidate, access);
        if (opened.file)
            return ExclusiveFile(candidate, opened.file);
        if (!opened.existed)
            return failedError(candidate, opened.reason);
        auto name = path.stem(); // as a path, so a name outside the ANSI code page survives on Windows
        name += "-";
        name += std::to_string(n);
        name += path.extension();
        candidate = path.parent_path() / name;
    }
    return takenError(path);
}

Result<ExclusiveFile> ExclusiveFile::createTemporary(const std::filesystem::path& directory,
                                                     std::string_view prefix, std::string_view suffix)
{
    constexpr int kMostTries = 100;
    std::filesystem::path candidate;
    for (int n = 0; n < kMostTries; ++n) {
        candidate = directory / (std::string(prefix) + randomLetters(12) + std::string(suffix));
        auto opened = detail::openExclusive(candidate, FileAccess::OwnerOnly);
        if (opened.file)
            return ExclusiveFile(candidate, opened.file);
        if (!opened.existed)
            return failedError(candidate, opened.reason);
    }
    return takenError(candidate);
}

ExclusiveFile::ExclusiveFile(ExclusiveFile&& other) noexcept
    : path_(std::move(other.path_))
    , file_(std::exchange(other.file_, nullptr))
    , owned_(std::exchange(other.owned_, false))
    , keep_(other.keep_)
{}

ExclusiveFile& ExclusiveFile::operator=(ExclusiveFile&& other) noexcept
{
    if (this != &other) {
        release();
        path_ = std::move(other.path_);
        file_ = std::exchange(other.file_, nullptr);
        owned_ = std::exchange(other.owned_, false);
        keep_ = other.keep_;
    }
    return *this;
}

ExclusiveFile::~ExclusiveFile()
{
    release();
}

void ExclusiveFile::release()
{
    if (file_)
        std::fclose(std::exchange(file_, nullptr));
    if (owned_ && !keep_) {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    owned_ = false;
}

Result<void> ExclusiveFile::write(std::string_view text)
{
    if (!file_)
        return makeError(ErrorKind::Other, "Writing " + utf8FromPath(path_) + " failed: the file is closed");
    errno = 0;
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size() || std::fflush(file_) != 0)
        return writeError(path_, "Writing", errno);
    return success();
}

Result<void> ExclusiveFile::sync()
{
    if (!file_)
        return makeError(ErrorKind::Other, "Syncing " + utf8FromPath(path_) + " failed: the file is closed");
    errno = 0;
    if (std::fflush(file_) != 0)
        return writeError(path_, "Writing", errno);
    if (const int code = detail::syncToDisk(file_); code != 0)
        return writeError(path_, "Putting on the disk", code);
    return success();
}

Result<void> ExclusiveFile::close()
{
    if (!file_)
        return success();
    auto synced = sync();
    errno = 0;
    const bool closed = std::fclose(std::exchange(file_, nullptr)) == 0;
    if (!synced)
        return synced.error();
    if (!closed)
        return writeError(path_, "Closing", errno);
    return success();
}

} // namespace isolens
