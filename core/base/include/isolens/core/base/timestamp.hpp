#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace isolens {

// Parses an RFC 3339 timestamp with optional fraction and offset, as the engine writes them
// ("2026-11-28T00:39:04.123456789Z", "...+01:00"), into nanoseconds since the Unix epoch. Times before
// 1970 (such as the engine's zero time 0001-01-01T00:00:00Z) or after 2261 give nothing.
std::optional<std::int64_t> parseRfc3339Nanos(std::string_view text);

// Formats nanoseconds since the epoch as UTC RFC 3339 with milliseconds: "2026-11-28T00:39:04.123Z".
std::string formatRfc3339Millis(std::int64_t nanos);

} // namespace isolens
