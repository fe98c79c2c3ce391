#include "isolens/core/engine/effective_isolation.hpp"
#include "isolens/core/engine/engine_os.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using namespace isolens;

TEST(EngineOsTable, FromOsType)
{
    struct Case {
        const char* osType;
        std::optional<EngineOs> parsed;
        EngineOs engineOs;
    };
    const Case cases[] = {
        {"windows", EngineOs::Windows, EngineOs::Windows},
        {"linux", EngineOs::Linux, EngineOs::Linux},
        {"", std::nullopt, EngineOs::Linux}, // an engine too old to say
        {"Windows", std::nullopt, EngineOs::Linux},
        {"freebsd", std::nullopt, EngineOs::Linux},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(parseEngineOs(c.osType), c.parsed) << c.osType;
        EXPECT_EQ(engineOsFromOsType(c.osType), c.engineOs) << c.osType;
    }
    EXPECT_EQ(toString(EngineOs::Windows), "windows");
    EXPECT_EQ(toString(EngineOs::Linux), "linux");
}

TEST(EffectiveIsolationTable, EmptyAndDefaultAreTheEnginesDefault)
{
    EngineInfo hyperVDefault;
    hyperVDefault.osType = "windows";
    hyperVDefault.defaultIsolation = "hyperv";
    EngineInfo processDefault = hyperVDefault;
    processDefault.defaultIsolation = "process";
    EngineInfo linux;
    linux.osType = "linux";
    struct Case {
        const char* requested;
        const EngineInfo* engine;
        const char* effective;
    };
    const Case cases[] = {
        {"", &hyperVDefault, "hyperv"},
        {"default", &hyperVDefault, "hyperv"},
        {"process", &hyperVDefault, "process"},
        {"hyperv", &processDefault, "hyperv"},
        {"", &processDefault, "process"},
        {"default", &processDefault, "process"},
        {"", &linux, ""},
        {"default", &linux, "default"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(effectiveIsolation(c.requested, *c.engine), c.effective)
            << "'" << c.requested << "' on " << c.engine->osType << "/" << c.engine->defaultIsolation;
}
