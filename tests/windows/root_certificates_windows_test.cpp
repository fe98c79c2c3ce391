// The Windows certificate store's roots, read for real (under Wine in CI, whose store holds the host's CAs).
#include "windows_root_certificates.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(WindowsHost, RootCertificatesComeFromTheWindowsStore)
{
    const auto roots = detail::windowsRootCertificates();
    // Wine fills its ROOT store from the Linux host's CAs (ca-certificates is among the test command's
    // packages); Windows ships its own roots.
    ASSERT_FALSE(roots.empty());
    for (const auto& der : roots) {
        ASSERT_GE(der.size(), 64u);
        EXPECT_EQ(static_cast<unsigned char>(der[0]), 0x30) << "DER: an ASN.1 SEQUENCE";
    }
}
