#include "isolens/core/platform/system_text.hpp"

#include <cstdlib>

namespace isolens {

// A POSIX file name is bytes; UTF-8 text is passed on as it is.
std::filesystem::path pathFromUtf8(std::string_view utf8)
{
    return std::filesystem::path(std::string(utf8));
}

std::string utf8FromPath(const std::filesystem::path& path)
{
    return path.native();
}

std::optional<std::string> environmentVariable(std::string_view name)
{
    if (const char* value = std::getenv(std::string(name).c_str()))
        return std::string(value);
    return std::nullopt;
}

std::vector<std::string> commandLineArguments(int argc, char** argv)
{
    return std::vector<std::string>(argv, argv + argc);
}

} // namespace isolens
