#include "isolens/core/host/vm_worker_counters.hpp"

#include "isolens/core/platform/windows_runtime.hpp"

#include "isolens/core/base/utf16.hpp"

#include <windows.h>

#include <pdh.h>
#include <pdhmsg.h>

#include <cstdio>
#include <memory>

namespace isolens {

namespace {

struct QueryCloser {
    void operator()(PDH_HQUERY query) const { PdhCloseQuery(query); }
};

std::string status(PDH_STATUS code)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08lX", static_cast<unsigned long>(code));
    return text;
}

// The counter's values per instance; called twice: first for the size, then for the values.
Result<std::vector<CounterInstanceValue>> instanceValues(PDH_HCOUNTER counter)
{
    DWORD bytes = 0;
    DWORD count = 0;
    PdhGetFormattedCounterArrayW(counter, PDH_FMT_LARGE, &bytes, &count, nullptr);
    if (bytes == 0)
        return std::vector<CounterInstanceValue>{}; // no instance: no vmmem is running
    std::vector<unsigned char> buffer(bytes);
    auto* items = reinterpret_cast<PDH_FMT_COUNTERVALUE_ITEM_W*>(buffer.data());
    if (const auto read = PdhGetFormattedCounterArrayW(counter, PDH_FMT_LARGE, &bytes, &count, items);
        read != ERROR_SUCCESS)
        return makeError(ErrorKind::Other, "PdhGetFormattedCounterArray failed (" + status(read) + ")");
    std::vector<CounterInstanceValue> values;
    for (DWORD i = 0; i < count; ++i)
        if (items[i].FmtValue.CStatus == PDH_CSTATUS_VALID_DATA ||
            items[i].FmtValue.CStatus == PDH_CSTATUS_NEW_DATA)
            values.push_back({utf8FromWide(items[i].szName), items[i].FmtValue.largeValue});
    return values;
}

} // namespace

Result<std::vector<VmWorkerCounterRow>> readVmWorkerCounters()
{
    if (const auto wine = wineVersion())
        return makeError(ErrorKind::Other,
                         "unavailable under Wine " + *wine +
                             ": its PDH has no \\Process counters (run on Windows to see vmmem)");
    PDH_HQUERY rawQuery = nullptr;
    if (const auto opened = PdhOpenQueryW(nullptr, 0, &rawQuery); opened != ERROR_SUCCESS)
        return makeError(ErrorKind::Other, "PdhOpenQuery failed (" + status(opened) + ")");
    std::unique_ptr<void, QueryCloser> query(rawQuery);
    // Both from one collection, so their instance lists are the same sample.
    PDH_HCOUNTER processIds = nullptr;
    PDH_HCOUNTER privateWorkingSets = nullptr;
    for (auto [path, counter] : {std::pair{L"\\Process(vmmem*)\\ID Process", &processIds},
                                 std::pair{L"\\Process(vmmem*)\\Working Set - Private", &privateWorkingSets}})
        if (const auto added = PdhAddEnglishCounterW(rawQuery, path, 0, counter); added != ERROR_SUCCESS)
            return makeError(ErrorKind::Other, "the \\Process(vmmem*) counters are missing (" +
                                                   status(added) +
                                                   "): run lodctr /R as an administrator to rebuild them");
    if (const auto collected = PdhCollectQueryData(rawQuery); collected != ERROR_SUCCESS)
        return makeError(ErrorKind::Other, "PdhCollectQueryData failed (" + status(collected) + ")");
    auto ids = instanceValues(processIds);
    if (!ids)
        return ids.error();
    auto memory = instanceValues(privateWorkingSets);
    if (!memory)
        return memory.error();
    return joinVmWorkerCounters(ids.value(), memory.value());
}

} // namespace isolens
