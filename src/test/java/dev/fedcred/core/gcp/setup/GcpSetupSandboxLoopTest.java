package dev.fedcred.core.gcp.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.CredentialsException;
import dev.fedcred.core.gcp.GcpAccessToken;
import dev.fedcred.core.gcp.GcpHttpTransports;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.gcp.WorkloadIdentityExchanger;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.sandbox.GcpConfigFile;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.SandboxSignIn;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop against the sandbox: fedcred generates the gcloud set-up from a real sign-in, a
 * real bash reads the commands, what they would create is applied to the sandbox's Google Cloud,
 * and the exchange through Google's auth library then works; with one part changed it is refused
 * and fedcred's explanation names exactly that part. Also with claims chosen to break quoting.
 */
class GcpSetupSandboxLoopTest {
    private static final String PROJECT_NUMBER = "123456789012";
    private static final String SERVICE_ACCOUNT = "fedcred-user@my-project.iam.gserviceaccount.com";
    /** Would break out of shell quotes, CEL strings or HCL templates if any were built wrongly. */
    static final String HOSTILE_EMAIL = "o'brien\"$(touch pwned-email)`touch pwned-tick`${x}%{y}\\,;@example.com";
    static final String HOSTILE_SUBJECT = "it's $(touch pwned-sub) \"x\" `id`";

    @TempDir
    static Path dir;

    private static SandboxServer issuer;
    private static TokenSet tokens;
    private static SandboxServer hostileIssuer;
    private static TokenSet hostileTokens;
    private static final WorkloadIdentityExchanger exchanger =
            new WorkloadIdentityExchanger(new GcpHttpTransports(), Clock.systemUTC());

    @BeforeAll
    static void signIn() throws Exception {
        issuer = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true).withDataDir(dir.resolve("a")));
        tokens = SandboxSignIn.signIn(issuer);
        hostileIssuer = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(dir.resolve("b")).withUserClaim("email", HOSTILE_EMAIL).withUserClaim("sub", HOSTILE_SUBJECT));
        hostileTokens = SandboxSignIn.signIn(hostileIssuer);
    }

    @AfterAll
    static void stop() {
        issuer.close();
        hostileIssuer.close();
    }

    private static GcpWorkloadTarget target(String issuerName) {
        return new GcpWorkloadTarget("my-gcp", PROJECT_NUMBER, "fedcred-pool", "fedcred-provider", SERVICE_ACCOUNT,
                List.of(), Duration.ofHours(1), null, issuerName, null, null, null);
    }

    /** The gcloud set-up generated for {@code tokens}, as Google Cloud would hold it after it ran. */
    private static GcloudApplied applied(TokenSet signedIn, GcpSetupFacts.Condition condition) throws Exception {
        GcpSetupFacts facts = GcpSetupFacts.of(target("sandbox"), signedIn, null, false, condition);
        StringBuilder script = new StringBuilder();
        GcpSetup.gcloud(facts).forEach(document -> script.append(document.text()).append('\n'));
        Path work = Files.createTempDirectory(dir, "bash");
        GcloudApplied applied = new GcloudApplied(PROJECT_NUMBER, ShellReading.gcloudCalls(script.toString(), work));
        try (var files = Files.list(work)) {
            assertThat(files).as("nothing in the commands ran").isEmpty();
        }
        return applied;
    }

    /** Exchanges {@code signedIn} against a sandbox Google Cloud holding {@code config}. */
    private static GcpAccessToken exchange(ObjectNode config, TokenSet signedIn) throws Exception {
        GcpConfigFile.Contents contents = GcpConfigFile.parse(config);
        try (SandboxServer google = SandboxServer.start(SandboxOptions.defaults().withPort(0)
                .withDataDir(dir.resolve("google")).withGcpProviders(contents.providers())
                .withGcpServiceAccounts(contents.serviceAccounts()))) {
            GcpWorkloadTarget t = target("sandbox");
            GcpWorkloadTarget against = new GcpWorkloadTarget(t.name(), t.projectNumber(), t.poolId(), t.providerId(),
                    t.serviceAccount(), t.scopes(), t.tokenLifetime(), null, t.issuer(),
                    URI.create(google.endpoints().get("gcp-sts")), URI.create(google.endpoints().get("gcp-iamcredentials")),
                    google.gcpCaFile());
            return exchanger.exchange(against, signedIn);
        }
    }

    private static void assertRefused(ObjectNode config, TokenSet signedIn, String code, String... explanation) {
        assertThatThrownBy(() -> exchange(config, signedIn)).isInstanceOfSatisfying(CredentialsException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.getMessage()).contains(explanation).doesNotContain(signedIn.rawIdToken());
        });
    }

    private static ObjectNode changed(ObjectNode config, Consumer<ObjectNode> change) {
        ObjectNode copy = config.deepCopy();
        change.accept(copy);
        return copy;
    }

    private static ObjectNode provider(ObjectNode config) {
        return (ObjectNode) config.get("providers").get(0);
    }

    @Test
    void theGeneratedSetUpAppliedLetsTheUserImpersonateTheServiceAccount() throws Exception {
        GcpAccessToken token = exchange(applied(tokens, GcpSetupFacts.Condition.EMAIL).json(), tokens);
        assertThat(token.serviceAccount()).isEqualTo(SERVICE_ACCOUNT);
        assertThat(token.accessToken()).isNotBlank();
    }

    @Test
    void theSandboxTakesTheSetUpThroughItsLoopbackAdminCallWithoutARestart() throws Exception {
        ObjectNode config = applied(tokens, GcpSetupFacts.Condition.EMAIL).json();
        try (SandboxServer google = SandboxServer.start(SandboxOptions.defaults().withPort(0)
                .withDataDir(dir.resolve("google")))) {
            GcpWorkloadTarget t = target("sandbox");
            GcpWorkloadTarget against = new GcpWorkloadTarget(t.name(), t.projectNumber(), t.poolId(), t.providerId(),
                    t.serviceAccount(), t.scopes(), t.tokenLifetime(), null, t.issuer(),
                    URI.create(google.endpoints().get("gcp-sts")), URI.create(google.endpoints().get("gcp-iamcredentials")),
                    google.gcpCaFile());
            assertThat(put(google, config)).isEqualTo(200);
            assertThat(exchanger.exchange(against, tokens).serviceAccount()).isEqualTo(SERVICE_ACCOUNT);

            ObjectNode unbound = changed(config, c -> ((ObjectNode) c.get("serviceAccounts").get(0).get("policy")
                    .get("bindings").get(0)).putArray("members"));
            assertThat(put(google, unbound)).isEqualTo(200);
            assertThatThrownBy(() -> exchanger.exchange(against, tokens)).isInstanceOfSatisfying(CredentialsException.class,
                    e -> assertThat(e.getMessage()).contains("--member " + t.principal(tokens.subject())));

            ObjectNode outsideTheSubset = changed(config, c -> provider(c).put("attributeCondition", "assertion.sub.size() > 1"));
            assertThat(put(google, outsideTheSubset)).isEqualTo(400);
        }
    }

    private static int put(SandboxServer google, ObjectNode config) throws Exception {
        java.net.http.HttpResponse<String> reply = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(google.endpoints().get("gcp-config")))
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(config.toString())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return reply.statusCode();
    }

    @Test
    void theWholePoolBindingAndTheSubjectConditionWorkToo() throws Exception {
        GcpSetupFacts facts = GcpSetupFacts.of(target("sandbox"), tokens, "my-project", true, GcpSetupFacts.Condition.SUBJECT);
        StringBuilder script = new StringBuilder();
        GcpSetup.gcloud(facts).forEach(document -> script.append(document.text()).append('\n'));
        GcloudApplied applied = new GcloudApplied(PROJECT_NUMBER,
                ShellReading.gcloudCalls(script.toString(), Files.createTempDirectory(dir, "bash")));
        assertThat(applied.json().toString()).contains("principalSet://");
        assertThat(exchange(applied.json(), tokens).serviceAccount()).isEqualTo(SERVICE_ACCOUNT);
    }

    @Test
    void hostileClaimsSurviveEveryQuotingAndStillMatch() throws Exception {
        GcloudApplied applied = applied(hostileTokens, GcpSetupFacts.Condition.EMAIL);
        assertThat(provider(applied.json()).get("attributeCondition").asText()).contains("o\\'brien");
        assertThat(applied.json().get("serviceAccounts").get(0).get("policy").get("bindings").get(0)
                .get("members").get(0).asText()).endsWith("/subject/" + HOSTILE_SUBJECT);
        assertThat(exchange(applied.json(), hostileTokens).serviceAccount()).isEqualTo(SERVICE_ACCOUNT);
    }

    @Test
    void anotherAllowedAudienceIsRefusedAndTheExplanationShowsTheTokensAudAndTheFlag() throws Exception {
        ObjectNode config = changed(applied(tokens, GcpSetupFacts.Condition.NONE).json(), c ->
                ((ObjectNode) provider(c).get("oidc")).putArray("allowedAudiences").add("123-other.apps.googleusercontent.com"));
        assertRefused(config, tokens, "invalid_grant", "does not allow the token's audience",
                "aud=" + tokens.audience(), "--allowed-audiences=" + tokens.audience());
    }

    @Test
    void aConditionTheTokenFailsIsRefusedAndTheExplanationNamesTheCondition() throws Exception {
        ObjectNode config = changed(applied(tokens, GcpSetupFacts.Condition.EMAIL).json(), c ->
                provider(c).put("attributeCondition", "assertion.email == 'someone-else@example.com'"));
        assertRefused(config, tokens, "unauthorized_client", "attribute condition",
                "email=" + tokens.stringClaim("email"), "value(attributeCondition)");
    }

    @Test
    void aBindingForAnotherPrincipalIsRefusedAndTheExplanationShowsThePrincipalNeeded() throws Exception {
        String principal = "principal://iam.googleapis.com/projects/" + PROJECT_NUMBER
                + "/locations/global/workloadIdentityPools/fedcred-pool/subject/" + tokens.subject();
        ObjectNode config = changed(applied(tokens, GcpSetupFacts.Condition.NONE).json(), c ->
                ((ObjectNode) c.get("serviceAccounts").get(0).get("policy").get("bindings").get(0)).putArray("members")
                        .add(principal.replace("/subject/", "/subject/someone-else-")));
        assertRefused(config, tokens, "PERMISSION_DENIED", "--member " + principal, SERVICE_ACCOUNT);
    }
}
