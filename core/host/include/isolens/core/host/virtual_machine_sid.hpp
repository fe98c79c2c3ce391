#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace isolens {

// The security identifier of a Hyper-V virtual machine's account, NT VIRTUAL MACHINE\<VM GUID>, as
// ConvertSidToStringSid writes it: "S-1-5-83-1-" and the GUID's 16 bytes (in memory order: Data1,
// Data2 and Data3 little-endian) read as four little-endian 32-bit numbers. The GUID may be braced
// and in either case; anything that is not a GUID gives nothing.
std::optional<std::string> virtualMachineSid(std::string_view guid);

} // namespace isolens
