#pragma once

#include "isolens/core/base/error.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace isolens {

// One instance's value in a wildcard counter array (PdhGetFormattedCounterArrayW): the instance name
// ("vmmem", "vmmem#1", "vmmemWSL") and its value.
struct CounterInstanceValue {
    std::string instance;
    std::int64_t value = 0;
};

// One process in \Process(vmmem*): its PID (the ID Process counter) and private working set.
struct VmWorkerCounterRow {
    std::string instance;
    int pid = 0;
    std::int64_t privateWorkingSetBytes = 0;
};

// Joins one collection's ID Process and Working Set - Private arrays into rows: the n-th occurrence of
// an instance name in one with the n-th in the other, so a name repeated as it is, or numbered #1, #2,
// pairs up either way. A name missing from either array gives no row.
std::vector<VmWorkerCounterRow>
joinVmWorkerCounters(const std::vector<CounterInstanceValue>& processIds,
                     const std::vector<CounterInstanceValue>& privateWorkingSets);

// The process name an instance stands for: "vmmem#2" -> "vmmem"; "vmmem_4242" -> "vmmem" when 4242 is
// its PID (the ProcessNameFormat=2 naming); "vmmemWSL" stays "vmmemWSL".
std::string counterInstanceProcessName(std::string_view instance, int pid);

struct VmWorkerToMatch {
    int pid = 0;
    std::string imageName; // as Toolhelp32 names it: "vmmem", "vmmem.exe", "vmmemWSL"
};

// The private working set of each worker, from the row with its PID whose process name is its exact
// image name (".exe" aside, case aside). The #n numbers say nothing: they are given in the order of a
// sample and shift when an instance exits (Microsoft, "Handling Duplicate Instance Names"). A worker
// with no such row is left out, never given another's figure.
std::map<int, std::int64_t> matchVmWorkerCounters(const std::vector<VmWorkerCounterRow>& rows,
                                                  const std::vector<VmWorkerToMatch>& workers);

// Windows only. \Process(vmmem*)\ID Process and \Process(vmmem*)\Working Set - Private from one PDH
// collection: needs no administrator rights, unlike opening vmmem itself. Under Wine, whose PDH lacks
// these counters and whose counter arrays raise, it reports that instead of calling PDH.
Result<std::vector<VmWorkerCounterRow>> readVmWorkerCounters();

} // namespace isolens
