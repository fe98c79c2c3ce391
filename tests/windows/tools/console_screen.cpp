// Runs a program in a console of its own (as the Start-menu shortcut's `cmd /k` gives the CLI one), and
// writes what that console's screen then shows, as UTF-8, to a file: what a user would read there.
//   isolens_console_screen.exe OUTPUT SECONDS PROGRAM [ARGUMENTS...]
// The program is ended after SECONDS if it has not ended by itself. Needs a display under Wine, whose
// consoles are real only with one.
#include <windows.h>

#include <cstdio>
#include <string>
#include <vector>

namespace {

std::string utf8(const std::wstring& text)
{
    if (text.empty())
        return {};
    const int length = WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), nullptr, 0,
                                           nullptr, nullptr);
    std::string out(static_cast<std::size_t>(length), '\0');
    WideCharToMultiByte(CP_UTF8, 0, text.data(), static_cast<int>(text.size()), out.data(), length, nullptr,
                        nullptr);
    return out;
}

std::wstring quoted(const std::wstring& argument)
{
    return L"\"" + argument + L"\"";
}

} // namespace

int wmain(int argc, wchar_t** argv)
{
    if (argc < 4) {
        std::fputs("usage: isolens_console_screen OUTPUT SECONDS PROGRAM [ARGUMENTS...]\n", stderr);
        return 2;
    }
    const std::wstring output = argv[1];
    const DWORD seconds = static_cast<DWORD>(_wtoi(argv[2]));
    std::wstring command = quoted(argv[3]);
    for (int i = 4; i < argc; ++i)
        command += L" " + quoted(argv[i]);

    FreeConsole();
    if (!AllocConsole()) {
        std::fprintf(stderr, "console_screen: no console (error %lu); under Wine, set DISPLAY\n",
                     GetLastError());
        return 1;
    }
    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    PROCESS_INFORMATION process{};
    if (!CreateProcessW(nullptr, command.data(), nullptr, nullptr, FALSE, 0, nullptr, nullptr, &startup,
                        &process))
        return 3;
    if (WaitForSingleObject(process.hProcess, seconds * 1000) == WAIT_TIMEOUT)
        TerminateProcess(process.hProcess, 1);
    WaitForSingleObject(process.hProcess, 5000);
    CloseHandle(process.hThread);
    CloseHandle(process.hProcess);

    HANDLE screen = CreateFileW(L"CONOUT$", GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                nullptr, OPEN_EXISTING, 0, nullptr);
    CONSOLE_SCREEN_BUFFER_INFO info{};
    if (screen == INVALID_HANDLE_VALUE || !GetConsoleScreenBufferInfo(screen, &info))
        return 4;
    std::string text;
    for (SHORT row = 0; row <= info.dwCursorPosition.Y && row < info.dwSize.Y; ++row) {
        std::vector<wchar_t> cells(static_cast<std::size_t>(info.dwSize.X));
        DWORD read = 0;
        ReadConsoleOutputCharacterW(screen, cells.data(), info.dwSize.X, COORD{0, row}, &read);
        std::wstring line(cells.data(), read);
        line.erase(line.find_last_not_of(L' ') + 1);
        text += utf8(line) + "\n";
    }
    FILE* file = _wfopen(output.c_str(), L"wb");
    if (!file)
        return 5;
    std::fwrite(text.data(), 1, text.size(), file);
    std::fclose(file);
    return 0;
}
