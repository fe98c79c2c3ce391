#pragma once

// A fresh temporary folder named outside ASCII and outside any one ANSI code page ("José-テスト-…"), as
// a user's profile or recording folder may be; removed with what is in it.
#include "isolens/core/platform/system_text.hpp"

#include <filesystem>
#include <random>
#include <string>

class NonAsciiFolder {
public:
    NonAsciiFolder()
        : path_(
              std::filesystem::temp_directory_path() /
              isolens::pathFromUtf8("Jos\u00e9-\u30c6\u30b9\u30c8-" + std::to_string(std::random_device{}())))
    {
        std::filesystem::create_directories(path_);
    }
    ~NonAsciiFolder()
    {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    NonAsciiFolder(const NonAsciiFolder&) = delete;
    NonAsciiFolder& operator=(const NonAsciiFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string utf8() const { return isolens::utf8FromPath(path_); }

private:
    std::filesystem::path path_;
};
