// isolens_shortcut_target: prints what a .lnk file starts, read with the Shell's own IShellLinkW (so the
// installer test checks what Windows itself would run, not our reading of the file format).
// Output, UTF-8, one per line: target=..., arguments=..., directory=...

#include <objbase.h>
#include <shellapi.h>
#include <shlobj.h>
#include <windows.h>

#include <fcntl.h>
#include <io.h>

#include <cstdio>
#include <string>

namespace {

std::string utf8(const wchar_t* text)
{
    const int size = WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
    if (size <= 1)
        return {};
    std::string out(static_cast<std::size_t>(size), '\0');
    WideCharToMultiByte(CP_UTF8, 0, text, -1, out.data(), size, nullptr, nullptr);
    out.pop_back(); // the terminating NUL
    return out;
}

int fail(const char* what, HRESULT result)
{
    std::fprintf(stderr, "isolens_shortcut_target: %s (HRESULT 0x%08lx)\n", what,
                 static_cast<unsigned long>(result));
    return 1;
}

// Releases a COM interface when it goes out of scope.
template <typename T>
struct ComRef {
    T* p = nullptr;
    ~ComRef()
    {
        if (p)
            p->Release();
    }
};

int printShortcut(const wchar_t* path)
{
    ComRef<IShellLinkW> link;
    HRESULT result = CoCreateInstance(CLSID_ShellLink, nullptr, CLSCTX_INPROC_SERVER, IID_IShellLinkW,
                                      reinterpret_cast<void**>(&link.p));
    if (FAILED(result))
        return fail("the Shell link object is not available", result);
    ComRef<IPersistFile> file;
    result = link.p->QueryInterface(IID_IPersistFile, reinterpret_cast<void**>(&file.p));
    if (FAILED(result))
        return fail("the Shell link object cannot load files", result);
    result = file.p->Load(path, STGM_READ);
    if (FAILED(result)) {
        std::fprintf(stderr, "isolens_shortcut_target: cannot read %s\n", utf8(path).c_str());
        return fail("IPersistFile::Load failed", result);
    }
    // INFOTIPSIZE (1024) is the documented limit of a link's arguments; paths stay within MAX_PATH.
    wchar_t target[MAX_PATH + 1] = {};
    wchar_t arguments[INFOTIPSIZE + 1] = {};
    wchar_t directory[MAX_PATH + 1] = {};
    // SLGP_RAWPATH: the path as stored, without expanding environment strings or resolving the target.
    if (FAILED(result = link.p->GetPath(target, MAX_PATH, nullptr, SLGP_RAWPATH)))
        return fail("IShellLinkW::GetPath failed", result);
    if (FAILED(result = link.p->GetArguments(arguments, INFOTIPSIZE)))
        return fail("IShellLinkW::GetArguments failed", result);
    if (FAILED(result = link.p->GetWorkingDirectory(directory, MAX_PATH)))
        return fail("IShellLinkW::GetWorkingDirectory failed", result);
    std::printf("target=%s\narguments=%s\ndirectory=%s\n", utf8(target).c_str(), utf8(arguments).c_str(),
                utf8(directory).c_str());
    return 0;
}

} // namespace

int main()
{
    int argc = 0;
    wchar_t** argv = CommandLineToArgvW(GetCommandLineW(), &argc);
    if (!argv || argc != 2) {
        std::fputs("usage: isolens_shortcut_target FILE.lnk\n", stderr);
        return 2;
    }
    // Lines end in \n, not \r\n, so a test on the Linux side reads the values as they are.
    _setmode(_fileno(stdout), _O_BINARY);
    const HRESULT init = CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED);
    if (FAILED(init))
        return fail("COM is not available", init);
    const int status = printShortcut(argv[1]);
    CoUninitialize();
    LocalFree(argv);
    return status;
}
