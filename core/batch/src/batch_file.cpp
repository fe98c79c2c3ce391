#include "isolens/core/batch/batch_file.hpp"

#include "isolens/core/base/text.hpp"
#include "isolens/core/engine/image_reference.hpp"
#include "isolens/core/engine/resource_limits.hpp"
#include "isolens/core/platform/system_text.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace isolens {

using nlohmann::json;

namespace {

constexpr const char* kRowExample =
    R"(write one JSON object per line, e.g. {"image":"busybox:latest","cmd":"sleep 60","memory":"512m","cpus":1})";

Error atLine(std::size_t line, const std::string& message)
{
    auto error =
        makeError(ErrorKind::InvalidInput, "batch file, line " + std::to_string(line) + ": " + message);
    error.hint = std::string("In a batch file, ") + kRowExample;
    return error;
}

// A command as text: itself, or an array of words as the exec form's JSON.
Result<std::optional<std::string>> commandField(const json& row, const char* key, std::size_t line)
{
    if (!row.contains(key))
        return std::optional<std::string>{};
    const auto& value = row.at(key);
    if (value.is_string())
        return std::optional<std::string>{value.get<std::string>()};
    if (value.is_array() &&
        std::all_of(value.begin(), value.end(), [](const json& word) { return word.is_string(); }))
        return std::optional<std::string>{value.dump()};
    return atLine(line, std::string("\"") + key + "\" must be text or an array of words");
}

// A limit as text ("512m", "1.5") or a number (bytes for memory, CPUs for cpus).
template <typename Parse>
Result<std::optional<std::int64_t>> limitField(const json& row, const char* key, std::size_t line,
                                               Parse parse)
{
    if (!row.contains(key))
        return std::optional<std::int64_t>{};
    const auto& value = row.at(key);
    std::string text;
    if (value.is_string())
        text = value.get<std::string>();
    else if (value.is_number())
        text = value.is_number_integer() ? std::to_string(value.get<std::int64_t>()) : value.dump();
    else
        return atLine(line, std::string("\"") + key + "\" must be text or a number");
    auto parsed = parse(text, std::string("\"") + key + "\"");
    if (!parsed) { // the key's name, and the limit's own hint (what to write there) first
        auto error = atLine(line, parsed.error().message);
        error.hint = parsed.error().hint + ". " + error.hint;
        return error;
    }
    return std::optional<std::int64_t>{parsed.value()};
}

Result<BatchFileRow> rowOf(const json& object, std::size_t line)
{
    if (!object.is_object())
        return atLine(line, "not a JSON object");
    for (const auto& [key, value] : object.items())
        if (key != "image" && key != "cmd" && key != "workload" && key != "memory" && key != "cpus")
            return atLine(line,
                          "unknown key \"" + key + "\" (the keys are image, cmd, workload, memory, cpus)");
    BatchFileRow row;
    row.line = line;
    if (!object.contains("image") || !object.at("image").is_string())
        return atLine(line, "\"image\" is missing or not text");
    row.image = object.at("image").get<std::string>();
    if (auto image = parseImageReference(row.image); !image)
        return atLine(line, image.error().message);
    auto command = commandField(object, "cmd", line);
    if (!command)
        return command.error();
    row.command = command.value();
    auto workload = commandField(object, "workload", line);
    if (!workload)
        return workload.error();
    row.workload = workload.value();
    auto memory = limitField(object, "memory", line, parseMemoryLimit);
    if (!memory)
        return memory.error();
    row.memoryBytes = memory.value();
    auto cpus = limitField(object, "cpus", line, parseCpuLimit);
    if (!cpus)
        return cpus.error();
    row.nanoCpus = cpus.value();
    return row;
}

Error tooMany(std::size_t count)
{
    auto error = makeError(ErrorKind::InvalidInput, "a batch runs at most " + std::to_string(kMaxBatchRows) +
                                                        " images, not " + std::to_string(count));
    error.hint = "Split the list into several batches";
    return error;
}

} // namespace

Result<std::vector<BatchFileRow>> parseBatchFile(std::string_view text)
{
    std::vector<BatchFileRow> rows;
    std::size_t line = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        ++line;
        const auto content = trimmedAscii(text.substr(start, end - start));
        start = end + 1;
        const auto trimmed =
            content.empty() || content.back() != '\r' ? content : content.substr(0, content.size() - 1);
        if (trimmed.empty() || trimmed.front() == '#')
            continue;
        const auto object = json::parse(trimmed, nullptr, /*allow_exceptions=*/false);
        if (object.is_discarded())
            return atLine(line, "not valid JSON");
        auto row = rowOf(object, line);
        if (!row)
            return row.error();
        rows.push_back(std::move(row.value()));
        if (rows.size() > kMaxBatchRows)
            return tooMany(rows.size());
    }
    if (rows.empty()) {
        auto error = makeError(ErrorKind::InvalidInput, "the batch file names no image");
        error.hint = std::string("In a batch file, ") + kRowExample;
        return error;
    }
    return rows;
}

Result<std::vector<BatchFileRow>> readBatchFile(const std::filesystem::path& path)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    std::ifstream in(path, std::ios::binary);
    if (ec || !in) {
        auto error = makeError(ErrorKind::InvalidInput, "cannot read the batch file " + utf8FromPath(path));
        error.hint = "Check the file's name and that you may read it";
        return error;
    }
    if (size > kMaxBatchFileBytes) {
        auto error = makeError(ErrorKind::InvalidInput, "the batch file " + utf8FromPath(path) + " is " +
                                                            std::to_string(size) +
                                                            " bytes; a batch file is at most 1 MiB");
        error.hint = "Name the images and their settings only, one JSON object per line";
        return error;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parseBatchFile(text.str());
}

Result<std::vector<BatchFileRow>> rowsOfImages(std::string_view list)
{
    std::vector<BatchFileRow> rows;
    for (const auto& image : splitWords(list, ',')) {
        const auto name = std::string(trimmedAscii(image));
        if (name.empty())
            continue;
        if (auto parsed = parseImageReference(name); !parsed) {
            auto error = parsed.error();
            error.message = "--images: " + error.message;
            return error;
        }
        rows.push_back({0, name, {}, {}, {}, {}});
    }
    if (rows.empty()) {
        auto error = makeError(ErrorKind::InvalidInput, "--images names no image");
        error.hint = "Name images separated by commas, e.g. --images busybox:1.36,busybox:1.37";
        return error;
    }
    if (rows.size() > kMaxBatchRows)
        return tooMany(rows.size());
    return rows;
}

Result<std::vector<BatchEntry>> batchEntries(const std::vector<BatchFileRow>& rows,
                                             const BatchDefaults& defaults, CommandSyntax syntax)
{
    std::vector<BatchEntry> entries;
    for (const auto& row : rows) {
        BatchEntry entry;
        entry.image = row.image;
        entry.memoryBytes = row.memoryBytes ? row.memoryBytes : defaults.memoryBytes;
        entry.nanoCpus = row.nanoCpus ? row.nanoCpus : defaults.nanoCpus;
        for (auto [name, text, words] :
             {std::tuple{"cmd", row.command.value_or(defaults.command), &entry.command},
              std::tuple{"workload", row.workload.value_or(defaults.workload), &entry.workload}}) {
            auto parsed = parseCommandLine(text, syntax);
            if (!parsed) {
                auto error = parsed.error();
                error.message =
                    (row.line ? "batch file, line " + std::to_string(row.line) + ", " : std::string("--")) +
                    name + ": " + error.message;
                return error;
            }
            *words = std::move(parsed.value());
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

} // namespace isolens
