#pragma once

#include <array>
#include <cstdio>
#include <string>

#ifndef _WIN32
#include <sys/wait.h>
#endif

// Runs a shell command line, as a user would type it, and collects its output (stdout and stderr).
struct CommandRun {
    int exitCode = -1;
    std::string output;
};

inline CommandRun runCommand(const std::string& commandLine)
{
    CommandRun run;
    FILE* pipe = popen((commandLine + " 2>&1").c_str(), "r");
    if (!pipe)
        return run;
    std::array<char, 4096> buffer{};
    while (auto n = fread(buffer.data(), 1, buffer.size(), pipe))
        run.output.append(buffer.data(), n);
    const int status = pclose(pipe);
#ifdef _WIN32
    run.exitCode = status;
#else
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
#endif
    return run;
}
