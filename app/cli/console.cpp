#include "console.hpp"

#include "isolens/core/safe_text.hpp"

#include <iostream>
#include <streambuf>

#ifdef _WIN32
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace {

// Writes through to another buffer, as plain ASCII; a character cut between two writes is kept until it
// is whole.
class AsciiBuffer : public std::streambuf {
public:
    explicit AsciiBuffer(std::streambuf* target)
        : target_(target)
    {}

protected:
    int_type overflow(int_type c) override
    {
        if (traits_type::eq_int_type(c, traits_type::eof()))
            return sync() == 0 ? traits_type::not_eof(c) : traits_type::eof();
        pending_.push_back(traits_type::to_char_type(c));
        const std::size_t need = isolens::utf8SequenceLength(static_cast<unsigned char>(pending_.front()));
        if (pending_.size() >= need)
            return flushPending() ? c : traits_type::eof();
        return c;
    }
    int sync() override
    {
        if (!pending_.empty() && !flushPending())
            return -1;
        return target_->pubsync();
    }

private:
    bool flushPending()
    {
        const std::string ascii = isolens::toPlainAscii(pending_);
        pending_.clear();
        return target_->sputn(ascii.data(), static_cast<std::streamsize>(ascii.size())) ==
               static_cast<std::streamsize>(ascii.size());
    }

    std::streambuf* target_;
    std::string pending_;
};

ConsoleOutput detect()
{
    ConsoleOutput console;
#ifdef _WIN32
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    DWORD mode = 0;
    console.terminal = out != INVALID_HANDLE_VALUE && GetConsoleMode(out, &mode);
    if (console.terminal) {
        console.escapeCodes = (mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING) ||
                              SetConsoleMode(out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
        console.utf8 = GetConsoleOutputCP() == CP_UTF8 || SetConsoleOutputCP(CP_UTF8);
    }
    // Files and pipes get the bytes as they are: UTF-8.
#else
    console.terminal = isatty(STDOUT_FILENO) == 1;
    console.escapeCodes = console.terminal;
#endif
    return console;
}

} // namespace

const ConsoleOutput& prepareConsole()
{
    static const ConsoleOutput console = [] {
        ConsoleOutput detected = detect();
        if (!detected.utf8) {
            static AsciiBuffer out(std::cout.rdbuf());
            static AsciiBuffer err(std::cerr.rdbuf());
            std::cout.rdbuf(&out);
            std::cerr.rdbuf(&err);
        }
        return detected;
    }();
    return console;
}
