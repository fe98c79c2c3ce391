#include "isolens/core/session/pair_session.hpp"

#include <gtest/gtest.h>

using namespace isolens;

// The host sampler learns the Hyper-V side's container this way, by the mode label hyperVModeLabel gives.
TEST(PairRuns, TheContainerOfAModeIsFoundByItsLabel)
{
    std::array<ModeRun, 2> runs;
    runs[0].mode = IsolationMode{"Hyper-V", "hyperv", ""};
    runs[0].containerId = "c0ffee";
    runs[1].mode = IsolationMode{"process", "process", ""};
    runs[1].containerId = "beef";
    struct Case {
        const char* label;
        const char* container;
    };
    const Case cases[] = {
        {"Hyper-V", "c0ffee"}, {"process", "beef"}, {"hyper-v", ""}, {"", ""}, {"kata", ""}};
    for (const auto& c : cases)
        EXPECT_EQ(containerOfMode(runs, c.label), c.container) << c.label;

    std::array<ModeRun, 2> notCreated;
    notCreated[0].mode = runs[0].mode;
    EXPECT_EQ(containerOfMode(notCreated, "Hyper-V"), "") << "not created yet";
}
