package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiscoveryAndKeysTest {

    private static SandboxServer server;
    private static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxOptions.defaults().withPort(0));
        http = new SandboxHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void issuerIsLoopbackWithActualPortAndNoTrailingSlash() {
        String issuer = server.issuerUri().toString();
        assertThat(issuer).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith("/");
        assertThat(server.issuerUri().getPort()).isPositive();
    }

    @Test
    void endpointsAreListedInTheAgreedOrder() {
        String issuer = server.issuerUri().toString();
        String gcp = server.endpoints().get("gcp-sts").replace("/v1/token", "");
        assertThat(gcp).matches("https://127\\.0\\.0\\.1:\\d+").isNotEqualTo(issuer.replace("http:", "https:"));
        assertThat(server.gcpCaFile()).isAbsolute().hasFileName("gcp-ca.pem").exists();
        assertThat(server.endpoints()).containsExactly(
                org.assertj.core.api.Assertions.entry("issuer", issuer),
                org.assertj.core.api.Assertions.entry("discovery", issuer + "/.well-known/openid-configuration"),
                org.assertj.core.api.Assertions.entry("jwks", issuer + "/jwks"),
                org.assertj.core.api.Assertions.entry("authorize", issuer + "/authorize"),
                org.assertj.core.api.Assertions.entry("token", issuer + "/token"),
                org.assertj.core.api.Assertions.entry("device", issuer + "/device/code"),
                org.assertj.core.api.Assertions.entry("userinfo", issuer + "/userinfo"),
                org.assertj.core.api.Assertions.entry("aws-sts", issuer + "/aws-sts"),
                org.assertj.core.api.Assertions.entry("aws-signin", issuer + "/federation"),
                org.assertj.core.api.Assertions.entry("gcp-sts", gcp + "/v1/token"),
                org.assertj.core.api.Assertions.entry("gcp-iamcredentials", gcp + "/v1/"),
                org.assertj.core.api.Assertions.entry("gcp-whoami", gcp + "/v1/whoami"),
                org.assertj.core.api.Assertions.entry("gcp-ca", server.gcpCaFile().toString()),
                org.assertj.core.api.Assertions.entry("gcp-config", issuer + "/sandbox-admin/gcp-config"),

                org.assertj.core.api.Assertions.entry("kubernetes", gcp + "/k8s"),
                org.assertj.core.api.Assertions.entry("kubernetes-ca", server.gcpCaFile().toString()));
    }

    @Test
    void discoveryDocumentDescribesTheIssuer() throws Exception {
        HttpResponse<String> response = http.get("/.well-known/openid-configuration");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode doc = SandboxHttp.json(response);
        String issuer = server.issuerUri().toString();
        assertThat(doc.get("issuer").asText()).isEqualTo(issuer);
        assertThat(doc.get("authorization_endpoint").asText()).isEqualTo(issuer + "/authorize");
        assertThat(doc.get("token_endpoint").asText()).isEqualTo(issuer + "/token");
        assertThat(doc.get("jwks_uri").asText()).isEqualTo(issuer + "/jwks");
        assertThat(doc.get("userinfo_endpoint").asText()).isEqualTo(issuer + "/userinfo");
        assertThat(strings(doc, "response_types_supported")).containsExactly("code");
        assertThat(strings(doc, "subject_types_supported")).containsExactly("public");
        assertThat(strings(doc, "id_token_signing_alg_values_supported")).containsExactly("RS256");
        assertThat(strings(doc, "scopes_supported")).containsExactly("openid", "email", "profile");
        assertThat(strings(doc, "token_endpoint_auth_methods_supported"))
                .containsExactly("none", "client_secret_post", "client_secret_basic");
        assertThat(strings(doc, "code_challenge_methods_supported")).containsExactly("S256");
        assertThat(doc.get("device_authorization_endpoint").asText()).isEqualTo(issuer + "/device/code");
        assertThat(strings(doc, "grant_types_supported")).containsExactly("authorization_code", "refresh_token",
                "urn:ietf:params:oauth:grant-type:device_code");
        assertThat(strings(doc, "claims_supported")).contains("sub", "email", "email_verified", "name", "at_hash", "nonce");

        // A real OIDC library accepts the document as provider metadata.
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(response.body());
        assertThat(metadata.getIssuer().getValue()).isEqualTo(issuer);
    }

    @Test
    void jwksServesOnePublicRsa2048SigningKey() throws Exception {
        HttpResponse<String> response = http.get("/jwks");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JWKSet set = JWKSet.parse(response.body());
        assertThat(set.getKeys()).hasSize(1);
        RSAKey key = (RSAKey) set.getKeys().get(0);
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.size()).isEqualTo(2048);
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(response.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
    }

    @Test
    void unknownPathsAre404AndPrefixesDoNotMatch() throws Exception {
        assertThat(http.get("/nope").statusCode()).isEqualTo(404);
        assertThat(http.get("/tokenx").statusCode()).isEqualTo(404);
        assertThat(http.get("/jwks/extra").statusCode()).isEqualTo(404);
    }

    @Test
    void malformedEncodingIsABadRequestNotAServerError() throws Exception {
        assertThat(http.postRawForm("/token", "grant_type=%zz").statusCode()).isEqualTo(400);
        assertThat(http.postRawForm("/authorize", "client_id=%zz").statusCode()).isEqualTo(400);
        assertThat(http.postForm("/token", java.util.Map.of("client_id", SandboxClient.CLIENT_ID)).statusCode())
                .as("grant_type missing").isEqualTo(400);
    }

    @Test
    void oversizedBodyIsRefused() throws Exception {
        String huge = "grant_type=" + "a".repeat(HttpExchanges.MAX_BODY_BYTES);
        assertThat(http.postRawForm("/token", huge).statusCode()).isEqualTo(413);
    }

    private static List<String> strings(JsonNode doc, String field) {
        List<String> values = new ArrayList<>();
        doc.get(field).forEach(n -> values.add(n.asText()));
        return values;
    }
}
