#include "tls_context.hpp"

#include <gtest/gtest.h>
#include <openssl/ssl.h>

using namespace isolens;

// Debian's OpenSSL already refuses TLS 1.1 at its default security level, so a handshake with an
// old server would pass without our own floor: the test asks the client's context itself.
TEST(TlsClientContext, RequiresTls12AtLeastAsTheDockerCli)
{
    for (const bool verify : {false, true}) {
        boost::asio::ssl::context tls(boost::asio::ssl::context::tls_client);
        TlsSettings settings;
        settings.verifyPeer = verify;
        ASSERT_TRUE(detail::configureTlsClient(tls, settings));
        EXPECT_EQ(SSL_CTX_get_min_proto_version(tls.native_handle()), TLS1_2_VERSION);
    }
}
