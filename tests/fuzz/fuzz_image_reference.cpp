// Image references and container names typed by users.
#include "isolens/core/engine/image_reference.hpp"
#include "isolens/core/session/windows_compatibility.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto reference = isolens::parseImageReference(text)) {
        // What we accept must read back the same way.
        auto again = isolens::parseImageReference(reference.value().withDefaultTag());
        if (!again || again.value().repository() != reference.value().repository())
            __builtin_trap();
        (void)isolens::windows::buildOfTag(reference.value().tag);
    }
    (void)isolens::validateContainerName(text);
    (void)isolens::windows::parseBuild(text);
    return 0;
}
