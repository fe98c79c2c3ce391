#include "isolens/core/base/utf16.hpp"
#include "isolens/core/engine/command_line.hpp"

#include <gtest/gtest.h>

#ifdef _WIN32
#include <windows.h>

#include <shellapi.h> // needs windows.h first
#else
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
extern char** environ;
#endif

using namespace isolens;
using Words = std::vector<std::string>;

namespace {

struct SplitCase {
    const char* typed;
    Words words;
};

// Inputs a user types, and the words a shell gives the program.
const std::vector<SplitCase> kPosixCases = {
    {"", {}},
    {"   \t ", {}},
    {"ping -n 5 localhost", {"ping", "-n", "5", "localhost"}},
    {"  sleep   60  ", {"sleep", "60"}},
    {"sh -c 'while true; do sleep 1; done'", {"sh", "-c", "while true; do sleep 1; done"}},
    {"sh -c 'echo \"a  b\"'", {"sh", "-c", "echo \"a  b\""}},
    {"sh -c \"echo it's here\"", {"sh", "-c", "echo it's here"}},
    {"echo \"a \\\"quoted\\\" word\"", {"echo", "a \"quoted\" word"}},
    {"echo \"keep \\n and \\\\\"", {"echo", "keep \\n and \\"}},
    {"echo a\\ b", {"echo", "a b"}},
    {"echo '' x", {"echo", "", "x"}},
    {"echo \"\"", {"echo", ""}},
    {"echo ab'cd'\"ef\"", {"echo", "abcdef"}},
    {"echo 'a\\b'", {"echo", "a\\b"}},
    {"dd if=/dev/zero of=/dev/null bs=1M", {"dd", "if=/dev/zero", "of=/dev/null", "bs=1M"}},
    {"echo \"$\"", {"echo", "$"}},
    {"echo '$HOME; ls | wc'", {"echo", "$HOME; ls | wc"}},
    {"sh -c 'a\nb'", {"sh", "-c", "a\nb"}},
    {"echo a\\\nb", {"echo", "ab"}},
};

const std::vector<SplitCase> kWindowsCases = {
    {"", {}},
    {"ping -n 100 localhost", {"ping", "-n", "100", "localhost"}},
    {"cmd /c \"ping -n 100 localhost\"", {"cmd", "/c", "ping -n 100 localhost"}},
    {"powershell -Command \"Get-Process; Start-Sleep 5\"",
     {"powershell", "-Command", "Get-Process; Start-Sleep 5"}},
    {"C:\\Windows\\System32\\ping.exe -t localhost", {"C:\\Windows\\System32\\ping.exe", "-t", "localhost"}},
    // The examples of Microsoft's "Parsing C++ command-line arguments".
    {"\"abc\" d e", {"abc", "d", "e"}},
    {"a\\\\b d\"e f\"g h", {"a\\\\b", "de fg", "h"}},
    {"a\\\\\\\"b c d", {"a\\\"b", "c", "d"}},
    {"a\\\\\\\\\"b c\" d e", {"a\\\\b c", "d", "e"}},
    {"a\"b\"\" c d", {"ab\"", "c", "d"}}, // the C runtime since 2008 gives one word; CommandLineToArgvW three
    {"\"say \"\"hi\"\"\"", {"say \"hi\""}},
    {"\"\" x", {"", "x"}},
    {"\"C:\\Program Files\\app.exe\" /x", {"C:\\Program Files\\app.exe", "/x"}},
    {"echo 'single quotes are plain'", {"echo", "'single", "quotes", "are", "plain'"}},
    {"cmd /c \"echo a & echo b\"", {"cmd", "/c", "echo a & echo b"}},
};

} // namespace

TEST(CommandLine, PosixWordsAsAShellSplitsThem)
{
    for (const auto& row : kPosixCases) {
        auto words = parseCommandLine(row.typed, CommandSyntax::Posix);
        ASSERT_TRUE(words) << row.typed << ": " << words.error().describe();
        EXPECT_EQ(words.value(), row.words) << row.typed;
    }
}

TEST(CommandLine, WindowsWordsAsTheCommandLineRulesSplitThem)
{
    for (const auto& row : kWindowsCases) {
        auto words = parseCommandLine(row.typed, CommandSyntax::Windows);
        ASSERT_TRUE(words) << row.typed << ": " << words.error().describe();
        EXPECT_EQ(words.value(), row.words) << row.typed;
    }
}

TEST(CommandLine, ExecFormIsTakenAsIs)
{
    for (auto syntax : {CommandSyntax::Posix, CommandSyntax::Windows}) {
        auto words = parseCommandLine("  [\"sh\", \"-c\", \"while true; do sleep 1; done\"]", syntax);
        ASSERT_TRUE(words) << words.error().describe();
        EXPECT_EQ(words.value(), (Words{"sh", "-c", "while true; do sleep 1; done"}));
        EXPECT_EQ(parseCommandLine("[]", syntax).value(), Words{});
    }
}

TEST(CommandLine, RefusesWhatItCannotRunWithAHint)
{
    struct Refused {
        const char* typed;
        CommandSyntax syntax;
        const char* says;
    };
    const std::vector<Refused> cases = {
        {"sh -c 'while true; do sleep 1; done", CommandSyntax::Posix, "unterminated ' quote"},
        {"echo \"abc", CommandSyntax::Posix, "unterminated \" quote"},
        {"sleep 1; echo done", CommandSyntax::Posix, "unquoted ';'"},
        {"ps | wc -l", CommandSyntax::Posix, "unquoted '|'"},
        {"echo $HOME", CommandSyntax::Posix, "unquoted '$'"},
        {"sleep 100 &", CommandSyntax::Posix, "unquoted '&'"},
        {"ping -n 3 localhost & echo done", CommandSyntax::Windows, "unquoted '&'"},
        {"dir > out.txt", CommandSyntax::Windows, "unquoted '>'"},
        {"[\"sh\", 1]", CommandSyntax::Posix, "JSON array of strings"},
        {"[\"sh\", ", CommandSyntax::Windows, "JSON array of strings"},
    };
    for (const auto& row : cases) {
        auto words = parseCommandLine(row.typed, row.syntax);
        ASSERT_FALSE(words) << row.typed;
        EXPECT_EQ(words.error().kind, ErrorKind::InvalidInput);
        EXPECT_NE(words.error().message.find(row.says), std::string::npos) << words.error().message;
        EXPECT_FALSE(words.error().hint.empty());
    }
    EXPECT_NE(parseCommandLine("a;b", CommandSyntax::Posix).error().hint.find("sh -c"), std::string::npos);
    EXPECT_NE(parseCommandLine("a&b", CommandSyntax::Windows).error().hint.find("cmd /c"), std::string::npos);
}

TEST(CommandLine, SyntaxFollowsTheEngine)
{
    EXPECT_EQ(commandSyntaxFor("windows"), CommandSyntax::Windows);
    EXPECT_EQ(commandSyntaxFor("linux"), CommandSyntax::Posix);
    EXPECT_EQ(commandSyntaxFor(""), CommandSyntax::Posix);
}

#ifndef _WIN32
namespace {

// The words /bin/sh itself makes of a line: eval "set -- LINE", then each word NUL-terminated.
Words wordsOfRealShell(const std::string& line)
{
    int fds[2];
    if (pipe(fds) != 0)
        return {"<pipe failed>"};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::string script = "eval \"set -- $1\"; for a; do printf '%s\\0' \"$a\"; done";
    std::vector<char*> argv{const_cast<char*>("sh"), const_cast<char*>("-c"),         script.data(),
                            const_cast<char*>("sh"), const_cast<char*>(line.c_str()), nullptr};
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, "/bin/sh", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    std::string output;
    char buffer[4096];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
        output.append(buffer, static_cast<std::size_t>(n));
    close(fds[0]);
    if (spawned != 0)
        return {"<spawn failed>"};
    int status = 0;
    waitpid(pid, &status, 0);
    Words words;
    for (std::size_t start = 0, end; (end = output.find('\0', start)) != std::string::npos; start = end + 1)
        words.push_back(output.substr(start, end - start));
    return words;
}

} // namespace

TEST(CommandLine, PosixSplittingAgreesWithTheSystemShell)
{
    for (const auto& row : kPosixCases)
        EXPECT_EQ(parseCommandLine(row.typed, CommandSyntax::Posix).value(), wordsOfRealShell(row.typed))
            << row.typed;
}
#else
TEST(CommandLine, WindowsSplittingAgreesWithCommandLineToArgvW)
{
    for (const auto& row : kWindowsCases) {
        // The first word of a command line has rules of its own (a program path): put one in front.
        const auto line = L"program.exe " + wideFromUtf8(row.typed);
        int count = 0;
        LPWSTR* argv = CommandLineToArgvW(line.c_str(), &count);
        ASSERT_NE(argv, nullptr);
        Words system;
        for (int i = 1; i < count; ++i)
            system.push_back(utf8FromWide(argv[i]));
        LocalFree(argv);
        EXPECT_EQ(parseCommandLine(row.typed, CommandSyntax::Windows).value(), system) << row.typed;
    }
}
#endif
