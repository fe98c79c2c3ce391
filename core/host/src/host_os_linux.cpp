#include "isolens/core/host/host_os.hpp"

#include <sys/utsname.h>

#include <cctype>
#include <fstream>
#include <string>

namespace isolens {

namespace {

// PRETTY_NAME from os-release, unquoted.
std::string prettyName()
{
    for (const char* path : {"/etc/os-release", "/usr/lib/os-release"}) {
        std::ifstream in(path);
        std::string line;
        while (std::getline(in, line)) {
            if (!line.starts_with("PRETTY_NAME="))
                continue;
            auto value = line.substr(12);
            if (value.size() >= 2 && (value.front() == '"' || value.front() == '\''))
                value = value.substr(1, value.size() - 2);
            return value;
        }
    }
    return {};
}

} // namespace

HostOs readHostOs()
{
    HostOs os;
    utsname names{};
    if (uname(&names) == 0) {
        os.family = names.sysname;
        for (auto& c : os.family)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        os.version = names.release;
    }
    os.description = prettyName();
    if (os.description.empty())
        os.description = "Linux " + os.version;
    return os;
}

} // namespace isolens
