#pragma once

#include <string>
#include <string_view>

namespace isolens {

// What a recorded event says happened. Written to a recording as text ("kind":"gap"); read back, a
// text this version does not know (a newer version's kind) is Other, and its text is kept beside it.
enum class EventKind {
    Pulling,         // the image is being pulled (detail: the image)
    Pulled,          // the pull succeeded (detail: the image)
    PullFailed,      // the pull failed (detail: why)
    Created,         // a container was created (detail: its id)
    Started,         // it was started (detail: its name)
    CreateToRunning, // milliseconds from create to running (detail: the figure)
    FirstSample,     // milliseconds from start to the first sample (detail: the figure)
    WorkloadStarted, // the workload runs in it (detail: the command)
    Gap,             // no sample for a while: the series' line breaks
    Resumed,         // samples again after a gap or an error
    Error,           // the stats stream, or host sampling, failed (detail: why)
    Exited,          // the container ended on its own (data: its exit)
    Removed,         // the container was removed at the end (detail: its name)
    IsolationTax,    // how the isolation tax's utility VM was found (detail: the explanation)
    Other,           // a kind this version does not know
};

// The kind's text in a recording: "gap", "create-to-running-ms"...; "" for Other, whose text is the
// event's own.
std::string_view toString(EventKind kind);
// The kind a recording's text names; Other for a text this version does not know.
EventKind parseEventKind(std::string_view text);

} // namespace isolens
