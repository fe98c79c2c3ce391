#pragma once

// Windows only: the UTF-16 the Win32 API speaks, as the UTF-8 the rest of IsoLens holds.

#include <windows.h>

#include <algorithm>
#include <string>

namespace isolens::detail {

inline std::string narrow(const wchar_t* text)
{
    if (!text || !*text)
        return {};
    const int length = WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
    std::string out(static_cast<std::size_t>(std::max(length - 1, 0)), '\0');
    WideCharToMultiByte(CP_UTF8, 0, text, -1, out.data(), length, nullptr, nullptr);
    return out;
}

} // namespace isolens::detail
