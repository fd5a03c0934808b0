package dev.fedcred.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.http.HttpTransportFactory;
import dev.fedcred.testing.SandboxCaTrust;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Clients of the GCP emulator as a user would set them up, trusting only the sandbox's CA ({@link SandboxCaTrust}). */
final class GcpTestSupport {

    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GcpTestSupport() {
    }

    /** google-http-client's default transport, trusting the sandbox CA, for google-auth-library. */
    static HttpTransportFactory transportTrusting(SandboxServer server) throws Exception {
        NetHttpTransport transport = new NetHttpTransport.Builder().trustCertificates(SandboxCaTrust.trustStore(server.gcpCaFile())).build();
        return () -> transport;
    }

    /** java.net.http, trusting the sandbox CA, for requests the library would not make. */
    static HttpClient httpClientTrusting(SandboxServer server) throws Exception {
        return SandboxCaTrust.httpClient(server.gcpCaFile());
    }

    /** The generateAccessToken URL for {@code email}, built from the endpoint the sandbox lists. */
    static String impersonationUrl(SandboxServer server, String email) {
        return server.endpoints().get("gcp-iamcredentials") + "projects/-/serviceAccounts/" + email + ":generateAccessToken";
    }

    /**
     * An external_account credential configuration as {@code gcloud iam workload-identity-pools
     * create-cred-config} writes it, with a file credential source.
     */
    static Path writeExternalAccountConfig(Path dir, String audience, String tokenUrl, String impersonationUrl,
                                           Path subjectTokenFile) throws Exception {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", "external_account");
        config.put("audience", audience);
        config.put("subject_token_type", GoogleStsEndpoint.JWT_TYPE);
        config.put("token_url", tokenUrl);
        if (impersonationUrl != null) {
            config.put("service_account_impersonation_url", impersonationUrl);
        }
        config.put("credential_source", Map.of("file", subjectTokenFile.toString()));
        Path file = Files.createTempFile(dir, "external-account-", ".json");
        JSON.writeValue(file.toFile(), config);
        return file;
    }

    /** GET gcp-whoami with the token as bearer. */
    static HttpResponse<String> whoami(SandboxServer server, String accessToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoints().get("gcp-whoami"))).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return httpClientTrusting(server).send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
