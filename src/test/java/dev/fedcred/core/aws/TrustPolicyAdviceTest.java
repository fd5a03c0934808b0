package dev.fedcred.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.aws.AwsRoleTarget;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustPolicyAdviceTest {
    private static final AwsRoleTarget TARGET = new AwsRoleTarget("t", "arn:aws:iam::000000000000:role/dev", "p",
            null, null, null, null, null);

    private static TokenSet token(String iss) {
        return new TokenSet("google", "raw", Map.of(), Map.of("iss", iss, "aud", "123-fake.apps.googleusercontent.com",
                "sub", "110169484474386276334"), Instant.now(), Instant.now(), null);
    }

    @Test
    void googleUsesTheBuiltInFederatedPrincipal() {
        String advice = TrustPolicyAdvice.explain(TARGET, token("https://accounts.google.com"));
        assertThat(advice)
                .contains("iss=https://accounts.google.com, aud=123-fake.apps.googleusercontent.com, sub=110169484474386276334")
                .contains("\"Federated\":\"accounts.google.com\"")
                .contains("\"accounts.google.com:aud\":\"123-fake.apps.googleusercontent.com\"")
                .doesNotContain("oidc-provider");
    }

    @Test
    void otherIssuersNeedAnIamOidcProviderNamedByHostAndPath() {
        String advice = TrustPolicyAdvice.explain(TARGET, token("https://login.example.test/realms/dev"));
        assertThat(advice)
                .contains("arn:aws:iam::000000000000:oidc-provider/login.example.test/realms/dev")
                .contains("\"login.example.test/realms/dev:aud\"")
                .contains("must exist and list 123-fake.apps.googleusercontent.com as a client ID");
        assertThat(TrustPolicyAdvice.providerKey("http://127.0.0.1:9750")).isEqualTo("127.0.0.1:9750");
        assertThat(TrustPolicyAdvice.providerKey("accounts.google.com")).isEqualTo("accounts.google.com");
    }
}
