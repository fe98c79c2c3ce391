#pragma once

#include <functional>
#include <string>

// The exporter's service name, for sc.exe and the Services console.
inline constexpr const char* kExporterServiceName = "IsoLensExporter";

// Runs body as the Windows service the Service Control Manager started: reports it running, turns the
// manager's stop and shut-down into requestStop() (the run ends as after Ctrl+C), and reports it
// stopped with body's exit code. Returns that code; or, when the process was not started by the
// manager (or not on Windows), -1 with a message in failure.
int runAsWindowsService(const std::function<int()>& body, std::string& failure);
