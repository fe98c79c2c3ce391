#include "isolens/core/engine/container_exit.hpp"

#include "isolens/core/base/json_text.hpp"
#include "isolens/core/base/timestamp.hpp"

#include <cstdio>

namespace isolens {

ContainerExit containerExitFrom(const ContainerDetails& details, std::string_view output)
{
    ContainerExit exit;
    exit.exitCode = details.exitCode;
    const auto started = parseRfc3339Nanos(details.startedAt);
    const auto finished = parseRfc3339Nanos(details.finishedAt);
    // A command that exits at once can finish before the engine notes it started (seen with runc on
    // docker 20.10: FinishedAt a few milliseconds before StartedAt): it ran for no measurable time.
    if (started && finished)
        exit.ranSeconds = *finished > *started ? static_cast<double>(*finished - *started) / 1e9 : 0.0;
    exit.engineError = details.error;
    exit.lastOutput = lastLines(output, kExitOutputLines);
    for (auto& line : exit.lastOutput)
        if (line.size() > kExitLineBytes) {
            auto cut = kExitLineBytes;
            while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
                --cut; // not inside a UTF-8 character
            line = line.substr(0, cut) + "\u2026";
        }
    return exit;
}

ContainerExit removedContainerExit()
{
    return {};
}

std::vector<std::string> lastLines(std::string_view text, std::size_t count)
{
    std::vector<std::string> lines;
    while (!text.empty() && lines.size() < count) {
        auto end = text.size();
        while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r'))
            --end;
        text = text.substr(0, end);
        if (text.empty())
            break;
        const auto start = text.rfind('\n');
        auto line = text.substr(start == std::string_view::npos ? 0 : start + 1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (!line.empty())
            lines.insert(lines.begin(), std::string(line));
        text = start == std::string_view::npos ? std::string_view{} : text.substr(0, start);
    }
    return lines;
}

std::string exitSentence(const ContainerExit& exit)
{
    if (!exit.exitCode)
        return "was removed";
    std::string sentence = "exited with code " + std::to_string(*exit.exitCode);
    if (exit.ranSeconds) {
        char text[48];
        std::snprintf(text, sizeof text, " after %.1f s", *exit.ranSeconds);
        sentence += text;
    }
    return sentence;
}

std::string describeExit(const ContainerExit& exit)
{
    std::string text = exitSentence(exit);
    if (!exit.engineError.empty())
        text += " (the engine says: " + exit.engineError + ")";
    if (exit.lastOutput.empty())
        return text + (exit.exitCode ? "; it wrote no output" : "");
    text += "; its last output:";
    for (const auto& line : exit.lastOutput)
        text += "\n  " + line;
    return text;
}

nlohmann::json exitToJson(const ContainerExit& exit)
{
    return {{"exit_code", jsonOrNull(exit.exitCode)},
            {"ran_seconds", jsonOrNull(exit.ranSeconds)},
            {"engine_error", exit.engineError},
            {"output", exit.lastOutput}};
}

ContainerExit exitFromJson(const nlohmann::json& data)
{
    ContainerExit exit;
    if (!data.is_object())
        return exit;
    if (auto code = data.find("exit_code"); code != data.end() && code->is_number_integer())
        exit.exitCode = detail::clampedInteger<int>(*code);
    if (auto ran = data.find("ran_seconds"); ran != data.end() && ran->is_number())
        exit.ranSeconds = ran->get<double>();
    exit.engineError = detail::textField(data, "engine_error");
    if (auto output = data.find("output"); output != data.end() && output->is_array())
        for (const auto& line : *output)
            if (line.is_string())
                exit.lastOutput.push_back(line.get<std::string>());
    return exit;
}

} // namespace isolens
