#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace isolens {

// ASCII lower case, for comparing names Windows treats case-insensitively and engine messages.
inline std::string toLowerAscii(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace isolens
