#pragma once

#include <openssl/x509_vfy.h>

#include <cstddef>
#include <string>
#include <vector>

namespace isolens::detail {

// Adds each DER certificate to the store as a trusted CA; returns how many it read (unreadable ones are
// left out, and leave no error in OpenSSL's queue).
std::size_t trustCertificates(X509_STORE* store, const std::vector<std::string>& derCertificates);

} // namespace isolens::detail
