#pragma once

// Sets (or unsets) a variable of this process's environment, in UTF-8, for one test; puts back what
// was there before. On Windows through _wputenv_s, which changes both the C runtime's copy and the
// process's environment block (GetEnvironmentVariableW), so a value outside the ANSI code page survives.
#include "isolens/core/platform/system_text.hpp"

#include <cstdlib>
#include <optional>
#include <string>

#ifdef _WIN32
#include "isolens/core/base/utf16.hpp"

#include <windows.h>
#endif

class ScopedEnvironment {
public:
    ScopedEnvironment(std::string name, std::optional<std::string> value)
        : name_(std::move(name))
        , before_(isolens::environmentVariable(name_))
    {
        set(value);
    }
    ~ScopedEnvironment() { set(before_); }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    void set(const std::optional<std::string>& value) const
    {
#ifdef _WIN32
        const auto name = isolens::wideFromUtf8(name_);
        if (value && value->empty()) // _wputenv_s removes a variable given "": an empty one is the system's
            SetEnvironmentVariableW(name.c_str(), L"");
        else
            _wputenv_s(name.c_str(), value ? isolens::wideFromUtf8(*value).c_str() : L"");
#else
        if (value)
            setenv(name_.c_str(), value->c_str(), 1);
        else
            unsetenv(name_.c_str());
#endif
    }

    std::string name_;
    std::optional<std::string> before_;
};
