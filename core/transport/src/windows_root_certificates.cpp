#include "windows_root_certificates.hpp"

#include <windows.h>

#include <wincrypt.h>

namespace isolens::detail {

// The "ROOT" system store of the current user: CertOpenSystemStoreW (Microsoft's "CertOpenSystemStoreW
// function (wincrypt.h)"); its certificates' encoded form is DER (X509_ASN_ENCODING).
std::vector<std::string> windowsRootCertificates()
{
    std::vector<std::string> certificates;
    HCERTSTORE store = CertOpenSystemStoreW(0, L"ROOT");
    if (!store)
        return certificates;
    for (PCCERT_CONTEXT cert = CertEnumCertificatesInStore(store, nullptr); cert;
         cert = CertEnumCertificatesInStore(store, cert))
        if (cert->dwCertEncodingType & X509_ASN_ENCODING)
            certificates.emplace_back(reinterpret_cast<const char*>(cert->pbCertEncoded),
                                      cert->cbCertEncoded);
    CertCloseStore(store, 0);
    return certificates;
}

} // namespace isolens::detail
