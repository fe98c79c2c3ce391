#include "isolens/core/host/vm_worker_counters.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(VmWorkerCounters, JoinsTheTwoArraysByNameAndOccurrence)
{
    struct Case {
        const char* what;
        std::vector<CounterInstanceValue> ids;
        std::vector<CounterInstanceValue> memory;
        std::vector<std::tuple<std::string, int, std::int64_t>> rows;
    };
    const Case cases[] = {
        {"numbered instances, in another order in the second array",
         {{"vmmem", 100}, {"vmmem#1", 200}, {"vmmemWSL", 300}},
         {{"vmmemWSL", 3000}, {"vmmem#1", 2000}, {"vmmem", 1000}},
         {{"vmmem", 100, 1000}, {"vmmem#1", 200, 2000}, {"vmmemWSL", 300, 3000}}},
        {"a name repeated as it is",
         {{"vmmem", 100}, {"vmmem", 200}},
         {{"vmmem", 1000}, {"vmmem", 2000}},
         {{"vmmem", 100, 1000}, {"vmmem", 200, 2000}}},
        {"an instance missing from one array gives no row",
         {{"vmmem", 100}, {"vmmem#1", 200}},
         {{"vmmem", 1000}},
         {{"vmmem", 100, 1000}}},
        {"nothing running", {}, {}, {}},
    };
    for (const auto& c : cases) {
        const auto rows = joinVmWorkerCounters(c.ids, c.memory);
        std::vector<std::tuple<std::string, int, std::int64_t>> got;
        for (const auto& row : rows)
            got.emplace_back(row.instance, row.pid, row.privateWorkingSetBytes);
        EXPECT_EQ(got, c.rows) << c.what;
    }
}

TEST(VmWorkerCounters, InstanceNamesToProcessNames)
{
    struct Case {
        const char* instance;
        int pid;
        const char* name;
    };
    const Case cases[] = {
        {"vmmem", 100, "vmmem"},         {"vmmem#1", 100, "vmmem"},
        {"vmmem#12", 100, "vmmem"},      {"vmmemWSL", 100, "vmmemWSL"},
        {"vmmemWSL#1", 100, "vmmemWSL"}, {"vmmem_100", 100, "vmmem"}, // ProcessNameFormat=2: name_PID
        {"vmmem_100", 200, "vmmem_100"},                              // not its PID: part of the name
        {"vmmem#", 100, "vmmem#"},       {"vmmem#x", 100, "vmmem#x"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(counterInstanceProcessName(c.instance, c.pid), c.name) << c.instance;
}

// The PDH rows go to the worker with the same PID and exact name; list order and #n numbers decide
// nothing, and WSL's vmmemWSL never lends a figure to a vmmem.
TEST(VmWorkerCounters, RowsGoToTheWorkerWithTheirPidAndExactName)
{
    struct Case {
        const char* what;
        std::vector<VmWorkerCounterRow> rows;
        std::vector<VmWorkerToMatch> workers;
        std::map<int, std::int64_t> matched;
    };
    const Case cases[] = {
        {"by PID, whatever the order",
         {{"vmmem", 200, 2000}, {"vmmem#1", 100, 1000}},
         {{100, "vmmem"}, {200, "vmmem"}},
         {{100, 1000}, {200, 2000}}},
        {"renumbered after an exit: vmmem#1 is now the second PID",
         {{"vmmem", 300, 3000}, {"vmmem#1", 200, 2000}},
         {{200, "vmmem"}},
         {{200, 2000}}},
        {"the wildcard's vmmemWSL is not a vmmem", {{"vmmemWSL", 100, 9000}}, {{100, "vmmem"}}, {}},
        {"vmmemWSL's own row goes to it",
         {{"vmmem", 100, 1000}, {"vmmemWSL", 300, 9000}},
         {{100, "vmmem.exe"}, {300, "vmmemWSL"}},
         {{100, 1000}, {300, 9000}}},
        {"image name case and .exe aside", {{"VMMEM#2", 100, 1000}}, {{100, "vmmem.EXE"}}, {{100, 1000}}},
        {"a PID reused by another program is not the worker",
         {{"vmmem", 100, 1000}},
         {{100, "vmwp.exe"}},
         {}},
        {"no row for the worker: left out, never another's figure",
         {{"vmmem", 100, 1000}},
         {{200, "vmmem"}},
         {}},
    };
    for (const auto& c : cases)
        EXPECT_EQ(matchVmWorkerCounters(c.rows, c.workers), c.matched) << c.what;
}
