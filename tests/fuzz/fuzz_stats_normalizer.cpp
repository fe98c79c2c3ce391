// Raw stats JSON from a (possibly hostile) engine through the normalizer and back to JSON.
#include "isolens/core/stats/sample_json.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto raw = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (raw.is_discarded())
        return 0;
    (void)isolens::guessEngineOs(raw);
    for (auto os : {isolens::EngineOs::Linux, isolens::EngineOs::Windows}) {
        isolens::ContainerLimits limits;
        limits.effectiveIsolation = "hyperv";
        (void)isolens::sampleToJson(isolens::normalizeStats(raw, os, limits)).dump();
    }
    return 0;
}
