#pragma once

// Text that crosses into the operating system — file names, environment variables, the command line —
// as the core's UTF-8. On Windows these are UTF-16: a narrow string given to std::filesystem::path,
// std::getenv or main's argv goes through the ANSI code page (or the C locale), so a profile folder
// named "José" or "テスト" is lost. Every conversion between text and a path goes through here.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isolens {

// The path that UTF-8 text names (Windows: as UTF-16; elsewhere the bytes as they are).
std::filesystem::path pathFromUtf8(std::string_view utf8);

// A path as UTF-8 text, for messages, JSON and the TLS library (Windows: from its UTF-16, an unpaired
// surrogate as U+FFFD; elsewhere its bytes as they are, which need not be UTF-8). Never throws.
std::string utf8FromPath(const std::filesystem::path& path);

// An environment variable's value as UTF-8; nothing when it is not set.
std::optional<std::string> environmentVariable(std::string_view name);

// An environment variable that names a folder; nothing when it is not set or empty.
std::optional<std::filesystem::path> environmentPath(std::string_view name);

// The program's arguments as UTF-8, argv[0] included. On Windows main's argv is in the ANSI code page:
// these come from the UTF-16 command line instead (GetCommandLineW, split by CommandLineToArgvW).
std::vector<std::string> commandLineArguments(int argc, char** argv);

} // namespace isolens
