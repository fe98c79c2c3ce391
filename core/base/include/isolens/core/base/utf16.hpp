#pragma once

// UTF-8, the core's text, to and from UTF-16, Windows' own: its paths, environment and command line are
// UTF-16, and a narrow string handed to Windows is read in the ANSI code page, not as UTF-8.
#include <string>
#include <string_view>

namespace isolens {

// Never throws: each byte that is not part of a well-formed UTF-8 character becomes one U+FFFD.
std::u16string utf16FromUtf8(std::string_view utf8);

// Never throws: each unpaired surrogate becomes U+FFFD.
std::string utf8FromUtf16(std::u16string_view utf16);

#ifdef _WIN32
// wchar_t is a UTF-16 code unit on Windows.
static_assert(sizeof(wchar_t) == sizeof(char16_t));

inline std::wstring wideFromUtf8(std::string_view utf8)
{
    const auto utf16 = utf16FromUtf8(utf8);
    return std::wstring(utf16.begin(), utf16.end());
}

inline std::string utf8FromWide(std::wstring_view wide)
{
    return utf8FromUtf16(std::u16string(wide.begin(), wide.end()));
}
#endif

} // namespace isolens
