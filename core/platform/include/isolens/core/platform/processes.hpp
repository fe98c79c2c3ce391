#pragma once

#include <string>

namespace isolens {

// This machine's name, "unknown" when the system will not say (the owner labels name it).
std::string thisHostName();
// This process's id.
int thisProcessId();
// Whether the process with this id is running; one of another user's, which may not be opened, is.
bool processAlive(int pid);

} // namespace isolens
