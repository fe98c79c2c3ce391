#include "isolens/core/base/utf16.hpp"
#include "isolens/core/host/utility_vm_attribution.hpp"

#include <windows.h>

#include <memory>

namespace isolens {

namespace {

// computecore.dll's API (Windows 10 1809+), declared here because it is loaded at run time.
using HcsOperation = void*;
using CreateOperationFn = HcsOperation(WINAPI*)(const void*, void*);
using EnumerateFn = HRESULT(WINAPI*)(PCWSTR, HcsOperation);
using WaitFn = HRESULT(WINAPI*)(HcsOperation, DWORD, PWSTR*);
using CloseOperationFn = void(WINAPI*)(HcsOperation);

struct LibraryCloser {
    void operator()(HMODULE module) const { FreeLibrary(module); }
};

template <class Fn>
Fn function(HMODULE module, const char* name)
{
    return reinterpret_cast<Fn>(reinterpret_cast<void*>(GetProcAddress(module, name)));
}

} // namespace

Result<std::vector<ComputeSystem>> enumerateComputeSystems()
{
    std::unique_ptr<std::remove_pointer_t<HMODULE>, LibraryCloser> library(
        LoadLibraryExW(L"computecore.dll", nullptr, LOAD_LIBRARY_SEARCH_SYSTEM32));
    if (!library)
        return makeError(ErrorKind::Other,
                         "computecore.dll is missing: the Host Compute Service needs Windows 10 "
                         "1809 or later with the Containers feature");
    auto create = function<CreateOperationFn>(library.get(), "HcsCreateOperation");
    auto enumerate = function<EnumerateFn>(library.get(), "HcsEnumerateComputeSystems");
    auto wait = function<WaitFn>(library.get(), "HcsWaitForOperationResult");
    auto close = function<CloseOperationFn>(library.get(), "HcsCloseOperation");
    if (!create || !enumerate || !wait || !close)
        return makeError(ErrorKind::Other, "computecore.dll lacks the HcsEnumerateComputeSystems API");

    HcsOperation operation = create(nullptr, nullptr);
    if (!operation)
        return makeError(ErrorKind::Other, "HcsCreateOperation failed");
    HRESULT result = enumerate(nullptr, operation);
    PWSTR document = nullptr;
    if (SUCCEEDED(result))
        result = wait(operation, 5000, &document);
    close(operation);
    if (FAILED(result)) {
        if (document)
            LocalFree(document);
        if (result == E_ACCESSDENIED)
            return makeError(
                ErrorKind::PermissionDenied,
                "the Host Compute Service refused: run IsoLens as an administrator or a member of "
                "Hyper-V Administrators to attribute utility VMs");
        return makeError(ErrorKind::Other, "HcsEnumerateComputeSystems failed (HRESULT " +
                                               std::to_string(static_cast<unsigned long>(result)) + ")");
    }
    const auto text = document ? utf8FromWide(document) : std::string("[]");
    if (document)
        LocalFree(document);
    return parseComputeSystems(text);
}

} // namespace isolens
