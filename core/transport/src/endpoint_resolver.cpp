#include "isolens/core/transport/endpoint_resolver.hpp"

#include "isolens/core/platform/system_text.hpp"
#include "isolens/core/transport/docker_context.hpp"

namespace isolens {

namespace fs = std::filesystem;

namespace {

bool nonEmpty(const std::optional<std::string>& value)
{
    return value && !value->empty();
}

bool fileExists(const fs::path& path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

// Fills TLS settings from a folder holding ca.pem, cert.pem and key.pem (each optional). The files are
// named in UTF-8: OpenSSL opens a UTF-8 name on Windows with _wfopen (openssl_fopen, crypto/o_fopen.c).
void useCertificateFolder(TlsSettings& tls, const fs::path& folder)
{
    if (fileExists(folder / "ca.pem"))
        tls.caFile = utf8FromPath(folder / "ca.pem");
    if (fileExists(folder / "cert.pem") && fileExists(folder / "key.pem")) {
        tls.certFile = utf8FromPath(folder / "cert.pem");
        tls.keyFile = utf8FromPath(folder / "key.pem");
    }
}

// TLS for --host / DOCKER_HOST comes from DOCKER_TLS_VERIFY and DOCKER_CERT_PATH.
TlsSettings tlsFromEnvironment(const EnvironmentLookup& env)
{
    TlsSettings tls;
    const auto verify = env("DOCKER_TLS_VERIFY");
    const auto certPath = env("DOCKER_CERT_PATH");
    if (!nonEmpty(verify) && !nonEmpty(certPath))
        return tls;
    tls.enabled = true;
    tls.verifyPeer = true; // IsoLens never turns verification off implicitly
    useCertificateFolder(tls, nonEmpty(certPath) ? pathFromUtf8(*certPath) : dockerConfigDir(env));
    return tls;
}

// Plain TCP hands out root on the engine's host: refuse it unless asked for explicitly.
Result<void> checkTransportSecurity(ResolvedEndpoint& resolved, bool allowInsecureTcp)
{
    const auto& endpoint = resolved.endpoint;
    if (endpoint.scheme != EndpointScheme::Tcp)
        return success();
    if (!endpoint.tls.enabled) {
        if (!allowInsecureTcp)
            return makeError(ErrorKind::InsecureEndpoint,
                             "Refusing plain (unencrypted, unauthenticated) TCP to " + endpoint.url +
                                 " from " + resolved.source);
        resolved.warnings.push_back("WARNING: " + endpoint.url +
                                    " is plain TCP: anyone who can reach it controls the engine's host.");
    } else if (!endpoint.tls.verifyPeer) {
        resolved.warnings.push_back("WARNING: TLS certificate verification is off for " + endpoint.url +
                                    " (SkipTLSVerify in the context).");
    } else if (endpoint.tls.caFile.empty()) {
        resolved.warnings.push_back("Note: no ca.pem was found for " + endpoint.url +
                                    "; the engine's certificate is checked against the system's CAs.");
    }
    return success();
}

Result<ResolvedEndpoint> fromHostUrl(const std::string& url, std::string source, TlsSettings tls)
{
    auto endpoint = parseHostUrl(url, tls.enabled);
    if (!endpoint)
        return endpoint.error();
    ResolvedEndpoint resolved;
    resolved.endpoint = std::move(endpoint.value());
    if (resolved.endpoint.scheme == EndpointScheme::Tcp)
        resolved.endpoint.tls = std::move(tls);
    resolved.source = std::move(source);
    return resolved;
}

Result<ResolvedEndpoint> fromContext(const std::string& name, const EnvironmentLookup& env)
{
    if (name == "default")
        return fromHostUrl(std::string(defaultHostUrl()), "context 'default'", {});
    auto context = loadDockerContext(dockerConfigDir(env), name);
    if (!context)
        return context.error();
    TlsSettings tls;
    std::error_code ec;
    if (fs::is_directory(context.value().tlsDir, ec)) {
        tls.enabled = true;
        useCertificateFolder(tls, context.value().tlsDir);
    }
    tls.verifyPeer = !context.value().skipTlsVerify;
    return fromHostUrl(context.value().host, "context '" + name + "'", tls);
}

Result<ResolvedEndpoint> chooseEndpoint(const EndpointRequest& request, const EnvironmentLookup& env)
{
    if (nonEmpty(request.contextFlag) && nonEmpty(request.hostFlag))
        return makeError(ErrorKind::InvalidInput,
                         "--host and --context cannot be used together: pick one way to name the engine");
    if (nonEmpty(request.contextFlag))
        return fromContext(*request.contextFlag, env);
    if (nonEmpty(request.hostFlag))
        return fromHostUrl(*request.hostFlag, "--host", tlsFromEnvironment(env));
    if (auto host = env("DOCKER_HOST"); nonEmpty(host))
        return fromHostUrl(*host, "DOCKER_HOST", tlsFromEnvironment(env));
    if (auto name = env("DOCKER_CONTEXT"); nonEmpty(name))
        return fromContext(*name, env);
    auto current = readCurrentContextName(dockerConfigDir(env));
    if (!current)
        return current.error();
    if (current.value())
        return fromContext(*current.value(), env);
    return fromHostUrl(std::string(defaultHostUrl()), "default", {});
}

} // namespace

EnvironmentLookup processEnvironment()
{
    return [](std::string_view name) { return environmentVariable(name); };
}

fs::path dockerConfigDir(const EnvironmentLookup& env)
{
    if (auto dir = env("DOCKER_CONFIG"); nonEmpty(dir))
        return pathFromUtf8(*dir);
#ifdef _WIN32
    if (auto profile = env("USERPROFILE"); nonEmpty(profile))
        return pathFromUtf8(*profile) / ".docker";
#endif
    if (auto home = env("HOME"); nonEmpty(home))
        return pathFromUtf8(*home) / ".docker";
    return fs::path(".docker");
}

Result<ResolvedEndpoint> resolveEndpoint(const EndpointRequest& request, const EnvironmentLookup& env)
{
    auto resolved = chooseEndpoint(request, env);
    if (!resolved)
        return resolved.error();
    if (auto secure = checkTransportSecurity(resolved.value(), request.allowInsecureTcp); !secure)
        return secure.error();
    if (auto pinned = env("DOCKER_API_VERSION"); nonEmpty(pinned))
        resolved.value().pinnedApiVersion = *pinned;
    return resolved;
}

} // namespace isolens
