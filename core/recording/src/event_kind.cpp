#include "isolens/core/recording/event_kind.hpp"

#include <array>
#include <utility>

namespace isolens {

namespace {

// The texts are the file format: a recording written by any version uses these.
constexpr std::array<std::pair<EventKind, std::string_view>, 14> kTexts{{
    {EventKind::Pulling, "pulling"},
    {EventKind::Pulled, "pulled"},
    {EventKind::PullFailed, "pull-failed"},
    {EventKind::Created, "created"},
    {EventKind::Started, "started"},
    {EventKind::CreateToRunning, "create-to-running-ms"},
    {EventKind::FirstSample, "start-to-first-sample-ms"},
    {EventKind::WorkloadStarted, "workload-started"},
    {EventKind::Gap, "gap"},
    {EventKind::Resumed, "resumed"},
    {EventKind::Error, "error"},
    {EventKind::Exited, "exited"},
    {EventKind::Removed, "removed"},
    {EventKind::IsolationTax, "isolation-tax"},
}};

} // namespace

std::string_view toString(EventKind kind)
{
    for (const auto& [known, text] : kTexts)
        if (known == kind)
            return text;
    return {};
}

EventKind parseEventKind(std::string_view text)
{
    for (const auto& [known, name] : kTexts)
        if (name == text)
            return known;
    return EventKind::Other;
}

} // namespace isolens
