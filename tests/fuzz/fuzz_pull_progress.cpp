// Pull progress lines, as the engine streams them inside a 200 reply.
#include "isolens/core/engine/pull_progress.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    isolens::PullProgressTracker tracker;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    while (!text.empty()) {
        const auto newline = text.find('\n');
        if (auto event = isolens::parsePullEvent(text.substr(0, newline)))
            tracker.apply(event.value());
        if (newline == std::string_view::npos)
            break;
        text.remove_prefix(newline + 1);
    }
    const double fraction = tracker.fraction();
    if (fraction < 0.0 || fraction > 1.0)
        __builtin_trap(); // a progress bar beyond its ends is a bug
    return 0;
}
