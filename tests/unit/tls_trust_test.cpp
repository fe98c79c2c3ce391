// The Windows store's roots reach OpenSSL through trustCertificates; here with certificates made on the spot.
#include "tls_trust.hpp"

#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>

using namespace isolens;

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;
using Store = std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)>;

Key newKey()
{
    return Key(EVP_EC_gen("P-256"), EVP_PKEY_free);
}

// A certificate for `subject`, issued by `issuer` (itself when the same) and signed with its key.
Cert issue(const char* subject, EVP_PKEY* key, const X509* issuer, EVP_PKEY* issuerKey, bool ca)
{
    Cert cert(X509_new(), X509_free);
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), ca ? 1 : 2);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
    X509_set_pubkey(cert.get(), key);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(cert.get()), "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(subject), -1, -1, 0);
    X509_set_issuer_name(cert.get(),
                         issuer ? X509_get_subject_name(issuer) : X509_get_subject_name(cert.get()));
    if (ca) {
        X509V3_CTX context;
        X509V3_set_ctx_nodb(&context);
        X509V3_set_ctx(&context, cert.get(), cert.get(), nullptr, nullptr, 0);
        X509_EXTENSION* constraints =
            X509V3_EXT_conf_nid(nullptr, &context, NID_basic_constraints, "critical,CA:TRUE");
        X509_add_ext(cert.get(), constraints, -1);
        X509_EXTENSION_free(constraints);
    }
    X509_sign(cert.get(), issuerKey, EVP_sha256());
    return cert;
}

std::string der(X509* cert)
{
    unsigned char* bytes = nullptr;
    const int length = i2d_X509(cert, &bytes);
    std::string out(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
    OPENSSL_free(bytes);
    return out;
}

bool verifies(X509_STORE* store, X509* leaf)
{
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> context(X509_STORE_CTX_new(),
                                                                            X509_STORE_CTX_free);
    X509_STORE_CTX_init(context.get(), store, leaf, nullptr);
    return X509_verify_cert(context.get()) == 1;
}

} // namespace

TEST(TlsTrust, ARootFromTheStoreVerifiesTheEnginesCertificate)
{
    const auto caKey = newKey();
    const auto ca = issue("IsoLens test root", caKey.get(), nullptr, caKey.get(), true);
    const auto engineKey = newKey();
    const auto engine = issue("engine.example", engineKey.get(), ca.get(), caKey.get(), false);

    Store store(X509_STORE_new(), X509_STORE_free);
    EXPECT_FALSE(verifies(store.get(), engine.get())) << "nothing trusted yet";
    EXPECT_EQ(detail::trustCertificates(store.get(), {der(ca.get())}), 1u);
    EXPECT_TRUE(verifies(store.get(), engine.get()));
}

TEST(TlsTrust, UnreadableCertificatesAreLeftOut)
{
    const auto key = newKey();
    const auto root = issue("IsoLens test root", key.get(), nullptr, key.get(), true);
    const auto bytes = der(root.get());
    Store store(X509_STORE_new(), X509_STORE_free);
    EXPECT_EQ(detail::trustCertificates(store.get(),
                                        {"", "not a certificate", bytes.substr(0, bytes.size() / 2), bytes}),
              1u);
    EXPECT_EQ(ERR_peek_error(), 0u) << "the unreadable ones leave no error behind for the connection";
}
