#pragma once

#include <string>
#include <vector>

namespace isolens::detail {

// The trusted root certificates of this Windows user's certificate store (which includes the machine's and
// those that group policy deploys), each in DER; OpenSSL's default paths know none of them on Windows.
std::vector<std::string> windowsRootCertificates();

} // namespace isolens::detail
