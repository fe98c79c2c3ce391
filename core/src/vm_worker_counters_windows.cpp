#include "isolens/core/vm_worker_counters.hpp"

#include "isolens/core/windows_runtime.hpp"

#include <windows.h>

#include <pdh.h>

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

} // namespace

Result<std::vector<std::int64_t>> vmmemPrivateWorkingSets()
{
    if (const auto wine = wineVersion())
        return makeError(ErrorKind::Other,
                         "unavailable under Wine " + *wine +
                             ": its PDH has no \\Process counters (run on Windows to see vmmem)");
    PDH_HQUERY rawQuery = nullptr;
    if (const auto opened = PdhOpenQueryW(nullptr, 0, &rawQuery); opened != ERROR_SUCCESS)
        return makeError(ErrorKind::Other, "PdhOpenQuery failed (" + status(opened) + ")");
    std::unique_ptr<void, QueryCloser> query(rawQuery);
    PDH_HCOUNTER counter = nullptr;
    if (const auto added =
            PdhAddEnglishCounterW(rawQuery, L"\\Process(vmmem*)\\Working Set - Private", 0, &counter);
        added != ERROR_SUCCESS)
        return makeError(ErrorKind::Other,
                         "the \\Process(vmmem*) counters are missing (" + status(added) + ")");
    if (const auto collected = PdhCollectQueryData(rawQuery); collected != ERROR_SUCCESS)
        return makeError(ErrorKind::Other, "PdhCollectQueryData failed (" + status(collected) + ")");
    // Called twice: first for the size, then for the values.
    DWORD bytes = 0;
    DWORD count = 0;
    PdhGetFormattedCounterArrayW(counter, PDH_FMT_LARGE, &bytes, &count, nullptr);
    std::vector<unsigned char> buffer(bytes);
    auto* items = reinterpret_cast<PDH_FMT_COUNTERVALUE_ITEM_W*>(buffer.data());
    if (bytes == 0 ||
        PdhGetFormattedCounterArrayW(counter, PDH_FMT_LARGE, &bytes, &count, items) != ERROR_SUCCESS)
        return std::vector<std::int64_t>{};
    std::vector<std::int64_t> values;
    for (DWORD i = 0; i < count; ++i)
        values.push_back(items[i].FmtValue.largeValue);
    return values;
}

} // namespace isolens
