#include "isolens/core/engine/pull_progress.hpp"

#include "isolens/core/base/safe_text.hpp"

#include "isolens/core/base/json_access.hpp"
#include "isolens/core/base/json_text.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace isolens {

Result<PullEvent> parsePullEvent(std::string_view line)
{
    auto json = detail::parseJson(line);
    if (!json.is_object())
        return makeError(ErrorKind::ProtocolError,
                         "The engine sent a pull progress line that is not a JSON object: " +
                             utf8Prefix(line, 200));
    return pullEventFromJson(json);
}

PullEvent pullEventFromJson(const nlohmann::json& json)
{
    PullEvent event;
    if (!json.is_object())
        return event;
    auto text = [&](const char* key) {
        auto it = json.find(key);
        return it != json.end() && it->is_string() ? it->get<std::string>() : std::string{};
    };
    event.layerId = text("id");
    event.status = text("status");
    event.progressText = text("progress");
    if (auto detail = json.find("progressDetail"); detail != json.end() && detail->is_object()) {
        auto number = [&](const char* key) {
            auto it = detail->find(key);
            return it != detail->end() ? isolens::detail::clampedInt64(*it) : std::int64_t{0};
        };
        event.current = number("current");
        event.total = number("total");
    }
    if (auto detail = json.find("errorDetail"); detail != json.end() && detail->is_object() &&
                                                detail->contains("message") &&
                                                (*detail)["message"].is_string())
        event.error = (*detail)["message"].get<std::string>();
    else if (auto error = text("error"); !error.empty())
        event.error = error;
    return event;
}

void PullProgressTracker::apply(const PullEvent& event)
{
    if (event.status.starts_with("Status:"))
        finished_ = true;
    if (event.layerId.empty() || event.error)
        return;
    // Whole-image lines like "Pulling from library/busybox" carry the tag as id; skip them.
    if (event.status.starts_with("Pulling from") || event.status.starts_with("Digest:") ||
        event.status.starts_with("Status:"))
        return;
    auto& layer = layers_[event.layerId];
    layer.status = event.status;
    if (event.status == "Pull complete" || event.status == "Already exists" ||
        event.status == "Download complete") {
        layer.done = event.status != "Download complete" || layer.done;
        if (layer.total > 0)
            layer.current = layer.total;
        return;
    }
    if (event.status == "Downloading" && event.total > 0) {
        layer.current = event.current;
        layer.total = event.total;
    }
}

double PullProgressTracker::fraction() const
{
    if (finished_)
        return 1.0;
    if (layers_.empty())
        return 0.0;
    double sum = 0.0;
    for (const auto& [_, layer] : layers_) {
        if (layer.done)
            sum += 1.0;
        else if (layer.total > 0) // the engine may report more than the total, or a negative figure
            sum +=
                std::clamp(static_cast<double>(layer.current) / static_cast<double>(layer.total), 0.0, 1.0) *
                0.9; // extracting remains
    }
    return sum / static_cast<double>(layers_.size());
}

int PullProgressTracker::layersDone() const
{
    int done = 0;
    for (const auto& [_, layer] : layers_)
        done += layer.done ? 1 : 0;
    return done;
}

} // namespace isolens
