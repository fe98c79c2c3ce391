#pragma once

#include <chrono>
#include <cstdint>

namespace isolens {

// Now, as nanoseconds since 1970 (the time base of samples, events and recordings).
inline std::int64_t wallClockNanos()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace isolens
