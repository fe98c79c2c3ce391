#pragma once

#include <string>
#include <string_view>

namespace isolens {

// Lower-case hex SHA-256 of the bytes (OpenSSL, or Windows CNG where OpenSSL is absent).
std::string sha256Hex(std::string_view bytes);

} // namespace isolens
