#pragma once

#include "isolens/core/base/error.hpp"

#include <string_view>

namespace isolens {

// Turns an engine's error reply (status + message) into a classified Error. The message is the
// engine's own, except where a sentence in front says what it means (a registry the engine cannot reach).
Error classifyEngineError(int httpStatus, std::string_view engineMessage);

} // namespace isolens
