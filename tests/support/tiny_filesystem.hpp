#pragma once

// A real, small filesystem that can be filled: a size-limited tmpfs mounted on a fresh folder, for
// tests of what happens when a disk is full. Mounting needs root (the test command runs as root).

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

class TinyFilesystem {
public:
    // Mounts a tmpfs of sizeBytes; check mounted() (why() says what failed).
    explicit TinyFilesystem(std::size_t sizeBytes)
        : root_(std::filesystem::temp_directory_path() /
                ("isolens-tiny-fs-" + std::to_string(std::random_device{}())))
    {
        std::error_code ec;
        std::filesystem::create_directories(root_, ec);
        const auto options = "size=" + std::to_string(sizeBytes) + ",mode=0700";
        if (::mount("tmpfs", root_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0)
            mounted_ = true;
        else
            why_ = std::string("mount -t tmpfs failed: ") + std::strerror(errno);
    }
    ~TinyFilesystem()
    {
        if (mounted_)
            ::umount2(root_.c_str(), MNT_DETACH);
        std::error_code ec;
        std::filesystem::remove(root_, ec);
    }
    TinyFilesystem(const TinyFilesystem&) = delete;
    TinyFilesystem& operator=(const TinyFilesystem&) = delete;

    bool mounted() const { return mounted_; }
    const std::string& why() const { return why_; }
    const std::filesystem::path& root() const { return root_; }

    // Fills the filesystem with a file of zeros until the system says it is full, then gives back
    // leaveBytes of it (rounded to pages by tmpfs). Returns the bytes the filler holds.
    std::size_t fill(std::size_t leaveBytes = 0)
    {
        const auto filler = root_ / "filler";
        const int fd = ::open(filler.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            return 0;
        const std::vector<char> zeros(4096, 0);
        std::size_t written = 0;
        for (;;) {
            const auto n = ::write(fd, zeros.data(), zeros.size());
            if (n <= 0)
                break;
            written += static_cast<std::size_t>(n);
        }
        const auto kept = written > leaveBytes ? written - leaveBytes : 0;
        (void)::ftruncate(fd, static_cast<off_t>(kept));
        ::close(fd);
        return kept;
    }
    // Gives all the space back.
    void empty()
    {
        std::error_code ec;
        std::filesystem::remove(root_ / "filler", ec);
    }

private:
    std::filesystem::path root_;
    bool mounted_ = false;
    std::string why_;
};
