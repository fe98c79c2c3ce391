#include "tls_trust.hpp"

#include <openssl/err.h>
#include <openssl/x509.h>

namespace isolens::detail {

std::size_t trustCertificates(X509_STORE* store, const std::vector<std::string>& derCertificates)
{
    std::size_t added = 0;
    for (const auto& der : derCertificates) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(der.data());
        X509* cert = d2i_X509(nullptr, &bytes, static_cast<long>(der.size()));
        if (!cert)
            continue;
        if (X509_STORE_add_cert(store, cert) == 1)
            ++added;
        X509_free(cert); // the store keeps its own reference
    }
    ERR_clear_error(); // a duplicate or an unreadable certificate is not the connection's error
    return added;
}

} // namespace isolens::detail
