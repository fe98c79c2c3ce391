#pragma once

#include "isolens/core/engine/engine_types.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isolens {

// How a watched container ended on its own (it exited, or it was removed by someone else): what a user
// needs to see at once, instead of an empty chart.
struct ContainerExit {
    std::optional<int> exitCode;         // none when the container was already removed
    std::optional<double> ranSeconds;    // from State.StartedAt to State.FinishedAt
    std::string engineError;             // State.Error, e.g. the runtime could not start the command
    std::vector<std::string> lastOutput; // its last lines of output, stdout and stderr as they came
};

// How many lines of a container's output an exit report keeps.
inline constexpr int kExitOutputLines = 10;
// and how long each may be (a longer one is cut, on a character boundary, and ends with "…").
inline constexpr std::size_t kExitLineBytes = 300;

// From the engine's inspect reply and the container's logs (the demultiplexed text).
ContainerExit containerExitFrom(const ContainerDetails& details, std::string_view output);
// A container that was removed before it could be inspected.
ContainerExit removedContainerExit();

// The last `count` non-empty lines of a text (a trailing line without a newline counts; \r is dropped).
std::vector<std::string> lastLines(std::string_view text, std::size_t count);

// "exited with code 2 after 0.1 s", "was removed".
std::string exitSentence(const ContainerExit& exit);
// The sentence, the engine's error and the output, for a log or a message box:
//   "exited with code 2 after 0.1 s; its last output:\n  sh: syntax error: unterminated quoted string"
std::string describeExit(const ContainerExit& exit);

// In a recording's "exited" event: {"exit_code":2,"ran_seconds":0.1,"engine_error":"","output":[…]}.
nlohmann::json exitToJson(const ContainerExit& exit);
// The inverse, for a replay; missing or mistyped fields stay empty.
ContainerExit exitFromJson(const nlohmann::json& data);

} // namespace isolens
