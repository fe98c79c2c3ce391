#include "console.hpp"

#include "isolens/core/base/safe_text.hpp"
#include "isolens/core/base/utf16.hpp"

#include <iostream>
#include <streambuf>

#ifdef _WIN32
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace {

#ifdef _WIN32
// Writes UTF-8 to a Windows console as UTF-16 (WriteConsoleW), so the console shows every character
// whatever its code page, and no C runtime reads the bytes in the ANSI code page on the way (Wine's msvcrt
// does: printf of "José" to a UTF-8 console showed "JosÃ©" there, while WriteConsoleW showed "José").
// A character cut between two writes waits until it is whole; a console that refuses UTF-16 gets ASCII.
class WideConsoleBuffer : public std::streambuf {
public:
    explicit WideConsoleBuffer(HANDLE console)
        : console_(console)
    {}

protected:
    int_type overflow(int_type c) override
    {
        if (traits_type::eq_int_type(c, traits_type::eof()))
            return sync() == 0 ? traits_type::not_eof(c) : traits_type::eof();
        pending_.push_back(traits_type::to_char_type(c));
        if (c == '\n' || pending_.size() >= kChunk)
            return flushWhole() ? c : traits_type::eof();
        return c;
    }
    std::streamsize xsputn(const char* text, std::streamsize count) override
    {
        pending_.append(text, static_cast<std::size_t>(count));
        if ((pending_.size() >= kChunk || pending_.find('\n') != std::string::npos) && !flushWhole())
            return 0;
        return count;
    }
    int sync() override { return flushWhole() ? 0 : -1; }

private:
    static constexpr std::size_t kChunk = 4096;

    bool flushWhole()
    {
        // The last character's lead byte, and whether all of it is here.
        std::size_t whole = pending_.size();
        for (std::size_t back = 1; back <= 4 && back <= pending_.size(); ++back) {
            const auto byte = static_cast<unsigned char>(pending_[pending_.size() - back]);
            if ((byte & 0xC0) == 0x80)
                continue; // a continuation byte
            if (isolens::utf8SequenceLength(byte) > back)
                whole = pending_.size() - back;
            break;
        }
        const std::string text = pending_.substr(0, whole);
        pending_.erase(0, whole);
        if (text.empty())
            return true;
        const auto wide = isolens::wideFromUtf8(text);
        DWORD written = 0;
        if (WriteConsoleW(console_, wide.data(), static_cast<DWORD>(wide.size()), &written, nullptr))
            return true;
        const auto ascii = isolens::toPlainAscii(text);
        return WriteFile(console_, ascii.data(), static_cast<DWORD>(ascii.size()), &written, nullptr) != 0;
    }

    HANDLE console_;
    std::string pending_;
};

bool isConsole(HANDLE handle)
{
    DWORD mode = 0;
    return handle != INVALID_HANDLE_VALUE && handle != nullptr && GetConsoleMode(handle, &mode);
}
#endif

ConsoleOutput detect()
{
    ConsoleOutput console;
#ifdef _WIN32
    console.terminal = isConsole(GetStdHandle(STD_OUTPUT_HANDLE));
    // Consoles get UTF-16 (WideConsoleBuffer) and are redrawn with the console API (clearScreen), which
    // every Windows console understands, rather than VT codes: Wine 8's console accepts
    // ENABLE_VIRTUAL_TERMINAL_PROCESSING and still showed "\x1b[2J\x1b[H" before each table, as a console
    // without VT processing would. Files and pipes get the bytes as they are: UTF-8.
    if (console.terminal)
        SetConsoleOutputCP(CP_UTF8); // for what other programs write to this console; ours goes as UTF-16
#else
    console.terminal = isatty(STDOUT_FILENO) == 1;
#endif
    return console;
}

} // namespace

const ConsoleOutput& prepareConsole()
{
    static const ConsoleOutput console = [] {
        ConsoleOutput detected = detect();
#ifdef _WIN32
        if (detected.terminal) {
            static WideConsoleBuffer out(GetStdHandle(STD_OUTPUT_HANDLE));
            std::cout.rdbuf(&out);
        }
        if (isConsole(GetStdHandle(STD_ERROR_HANDLE))) {
            static WideConsoleBuffer err(GetStdHandle(STD_ERROR_HANDLE));
            std::cerr.rdbuf(&err);
        }
#endif
        return detected;
    }();
    return console;
}

void clearScreen()
{
    std::cout << std::flush;
#ifdef _WIN32
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    CONSOLE_SCREEN_BUFFER_INFO info{};
    if (!GetConsoleScreenBufferInfo(out, &info))
        return;
    const DWORD cells = static_cast<DWORD>(info.dwSize.X) * static_cast<DWORD>(info.dwSize.Y);
    DWORD done = 0;
    FillConsoleOutputCharacterW(out, L' ', cells, COORD{0, 0}, &done);
    FillConsoleOutputAttribute(out, info.wAttributes, cells, COORD{0, 0}, &done);
    SetConsoleCursorPosition(out, COORD{0, 0});
#else
    std::cout << "\033[2J\033[H" << std::flush;
#endif
}
