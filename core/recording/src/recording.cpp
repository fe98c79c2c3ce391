#include "isolens/core/recording/recording.hpp"

#include "isolens/core/base/json_text.hpp"
#include "isolens/core/base/safe_text.hpp"
#include "isolens/core/base/timestamp.hpp"
#include "isolens/core/platform/system_text.hpp"
#include "isolens/core/stats/sample_json.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <type_traits>

namespace isolens {

using nlohmann::json;

namespace {

enum class LineRead { Line, TooLong, End };

// Reads up to the next newline into line, never holding more than kMaxRecordingLineBytes of it: the
// rest of a longer line is skipped.
LineRead readBoundedLine(std::streambuf& in, std::string& line)
{
    line.clear();
    bool tooLong = false;
    for (int c = in.sbumpc(); c != std::char_traits<char>::eof(); c = in.sbumpc()) {
        if (c == '\n')
            return tooLong ? LineRead::TooLong : LineRead::Line;
        if (line.size() < kMaxRecordingLineBytes)
            line.push_back(static_cast<char>(c));
        else
            tooLong = true;
    }
    if (tooLong)
        return LineRead::TooLong;
    return line.empty() ? LineRead::End : LineRead::Line;
}

std::string describeRefusal(std::size_t lineNumber, RecordingLimit limit)
{
    const auto line = "line " + std::to_string(lineNumber);
    switch (limit) {
    case RecordingLimit::LineLength:
        return line + " is longer than " + std::to_string(kMaxRecordingLineBytes / 1024) + " KiB: refused";
    case RecordingLimit::JsonDepth:
        return line + " nests deeper than " + std::to_string(kMaxRecordingJsonDepth) + " levels: refused";
    case RecordingLimit::ModeCount:
        return line + " names a mode beyond the first " + std::to_string(kMaxRecordingModes) + ": refused";
    }
    return line + ": refused";
}

void refuse(RecordingRefusals& refused, std::size_t lineNumber, RecordingLimit limit)
{
    ++refused.count;
    if (refused.lines.size() < kMaxReportedRefusals)
        refused.lines.push_back({lineNumber, limit, describeRefusal(lineNumber, limit)});
}

// Parses one line; nesting beyond the limit is discarded as it is parsed (never built) and reported.
json parseLine(const std::string& line, bool& tooDeep)
{
    tooDeep = false;
    const json::parser_callback_t callback = [&](int depth, json::parse_event_t event, json&) {
        if ((event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) &&
            depth >= kMaxRecordingJsonDepth)
            tooDeep = true;
        return !tooDeep;
    };
    return json::parse(line, callback, /*allow_exceptions=*/false);
}

} // namespace

Result<RecordingInfo> visitRecording(const std::filesystem::path& path, const RecordingVisitor& visitor)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorKind::InvalidInput, "Cannot open the recording " + utf8FromPath(path));
    RecordingInfo info;
    std::string line;
    std::size_t lineNumber = 0;
    bool first = true;
    bool pendingBadLine = false; // a bad line is a cut-off tail only if nothing follows it
    std::set<std::string> modes; // at most kMaxRecordingModes
    auto headerRefused = [&](RecordingLimit limit) {
        return makeError(ErrorKind::InvalidInput,
                         utf8FromPath(path) +
                             " is not a readable IsoLens recording: " + describeRefusal(lineNumber, limit));
    };
    for (auto read = readBoundedLine(*in.rdbuf(), line); read != LineRead::End;
         read = readBoundedLine(*in.rdbuf(), line)) {
        ++lineNumber;
        if (pendingBadLine) {
            ++info.skippedLines;
            pendingBadLine = false;
        }
        if (read == LineRead::TooLong) {
            if (first)
                return headerRefused(RecordingLimit::LineLength);
            refuse(info.refused, lineNumber, RecordingLimit::LineLength);
            continue;
        }
        bool tooDeep = false;
        auto parsed = parseLine(line, tooDeep);
        if (tooDeep) {
            if (first)
                return headerRefused(RecordingLimit::JsonDepth);
            refuse(info.refused, lineNumber, RecordingLimit::JsonDepth);
            continue;
        }
        if (!parsed.is_object()) {
            if (first)
                return makeError(ErrorKind::InvalidInput,
                                 utf8FromPath(path) + " is not an IsoLens recording");
            pendingBadLine = true;
            continue;
        }
        const auto type = detail::textField(parsed, "type");
        if (first) {
            if (type != "header" || detail::textField(parsed, "format") != "isolens-recording")
                return makeError(ErrorKind::InvalidInput,
                                 utf8FromPath(path) + " is not an IsoLens recording");
            info.header = std::move(parsed);
            first = false;
            continue;
        }
        if (type != "sample" && type != "event")
            continue;
        auto mode = detail::textField(parsed, "mode");
        if (!modes.contains(mode)) {
            if (modes.size() >= kMaxRecordingModes) {
                refuse(info.refused, lineNumber, RecordingLimit::ModeCount);
                continue;
            }
            modes.insert(mode);
        }
        if (type == "sample") {
            if (visitor.sample)
                visitor.sample(mode, sampleFromJson(parsed));
        } else if (visitor.event) {
            visitor.event({std::move(mode), detail::integerField(parsed, "time_ns"),
                           detail::textField(parsed, "kind"), detail::textField(parsed, "detail"),
                           parsed.contains("data") && parsed["data"].is_object() ? parsed["data"] : json()});
        }
    }
    info.truncatedTail = pendingBadLine;
    if (first)
        return makeError(ErrorKind::InvalidInput, utf8FromPath(path) + " is empty: no recording header");
    return info;
}

Result<Recording> readRecording(const std::filesystem::path& path)
{
    Recording recording;
    RecordingVisitor visitor;
    visitor.sample = [&](const std::string& mode, StatsSample&& sample) {
        recording.samples.emplace_back(mode, std::move(sample));
    };
    visitor.event = [&](RecordedEvent&& event) { recording.events.push_back(std::move(event)); };
    auto info = visitRecording(path, visitor);
    if (!info)
        return info.error();
    recording.header = std::move(info.value().header);
    recording.truncatedTail = info.value().truncatedTail;
    recording.skippedLines = info.value().skippedLines;
    recording.refused = std::move(info.value().refused);
    return recording;
}

Result<ReplayedRecording> replayFile(const std::filesystem::path& path, SeriesStore& store)
{
    ReplayedRecording replayed;
    RecordingVisitor visitor;
    visitor.sample = [&](const std::string& mode, StatsSample&& sample) {
        store.addSample(mode, sample);
        ++replayed.samples;
    };
    visitor.event = [&](RecordedEvent&& event) {
        if (breaksSeries(event))
            store.addGap(event.mode, event.timeNanos);
        replayed.events.push_back(std::move(event));
    };
    auto info = visitRecording(path, visitor);
    if (!info)
        return info.error();
    replayed.info = std::move(info.value());
    return replayed;
}

bool breaksSeries(const RecordedEvent& event)
{
    return event.kind == "gap" || event.kind == "exited";
}

void replayInto(const Recording& recording, SeriesStore& store)
{
    // Samples and events interleave by time; gaps break the lines where live collection broke them.
    std::size_t nextEvent = 0;
    auto events = recording.events;
    std::stable_sort(events.begin(), events.end(), [](const RecordedEvent& a, const RecordedEvent& b) {
        return a.timeNanos < b.timeNanos;
    });
    for (const auto& [mode, sample] : recording.samples) {
        while (nextEvent < events.size() && events[nextEvent].timeNanos <= sample.timeNanos) {
            const auto& event = events[nextEvent++];
            if (breaksSeries(event))
                store.addGap(event.mode, event.timeNanos);
        }
        store.addSample(mode, sample);
    }
    for (; nextEvent < events.size(); ++nextEvent)
        if (breaksSeries(events[nextEvent]))
            store.addGap(events[nextEvent].mode, events[nextEvent].timeNanos);
}

StartupTimes startupFromRecording(const Recording& recording, const std::string& mode)
{
    return startupFromEvents(recording.events, mode);
}

StartupTimes startupFromEvents(const std::vector<RecordedEvent>& events, const std::string& mode)
{
    auto millis = [](const std::string& text) -> std::optional<double> {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value) || value < 0)
            return std::nullopt;
        return value;
    };
    StartupTimes startup;
    for (const auto& event : events) {
        if (event.mode != mode)
            continue;
        if (event.kind == kCreateToRunningEvent && !startup.createToRunningMillis)
            startup.createToRunningMillis = millis(event.detail);
        else if (event.kind == kFirstSampleEvent && !startup.startToFirstSampleMillis)
            startup.startToFirstSampleMillis = millis(event.detail);
    }
    return startup;
}

} // namespace isolens
