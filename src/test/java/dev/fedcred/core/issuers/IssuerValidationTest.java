package dev.fedcred.core.issuers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.RedirectSpec;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per rule of a usable issuer; the CLI and the dialog both ask these rules. */
class IssuerValidationTest {
    private static final URI HTTPS = URI.create("https://login.example.com/realms/main");

    private static IssuerDraft generic(String name, URI issuerUrl, String clientId) {
        return new IssuerDraft(IssuerKind.GENERIC, name, issuerUrl, clientId, null, null, null);
    }

    private static IssuerCheck check(IssuerDraft draft) {
        return IssuerValidation.check(draft, Set.of("work"));
    }

    private static String problem(IssuerDraft draft, IssuerField field) {
        return check(draft).problems().get(field);
    }

    private static String issuerUrlProblem(String url) {
        return problem(generic("a", URI.create(url), "client"), IssuerField.ISSUER_URL);
    }

    private static String redirectProblem(String uri) {
        return problem(new IssuerDraft(IssuerKind.GENERIC, "a", HTTPS, "client", null, null, URI.create(uri)),
                IssuerField.REDIRECT_URI);
    }

    @Test
    void aValidDraftBecomesTheIssuerWithItsTextTrimmed() {
        IssuerCheck check = check(generic(" keycloak ", HTTPS, " cli-client "));

        assertThat(check.problems()).isEmpty();
        assertThat(check.issuer()).isEqualTo(new IssuerConfig("keycloak", IssuerKind.GENERIC, HTTPS, "cli-client",
                null, IssuerConfig.DEFAULT_SCOPES, RedirectSpec.ANY_FREE_PORT));
    }

    @Test
    void theNameIsShortPlainFreeAndNotTheSandboxs() {
        assertThat(problem(generic("", HTTPS, "c"), IssuerField.NAME)).startsWith("Enter a short name");
        assertThat(problem(generic("my issuer", HTTPS, "c"), IssuerField.NAME)).contains("letters, digits");
        assertThat(problem(generic("-work", HTTPS, "c"), IssuerField.NAME)).contains("starting with a letter or digit");
        assertThat(problem(generic("x".repeat(65), HTTPS, "c"), IssuerField.NAME)).contains("at most 64");
        assertThat(problem(generic("x".repeat(64), HTTPS, "c"), IssuerField.NAME)).isNull();
        assertThat(problem(generic("sandbox", HTTPS, "c"), IssuerField.NAME)).contains("built-in sandbox");
        assertThat(problem(generic("work", HTTPS, "c"), IssuerField.NAME)).contains("already an issuer named \"work\"");
        assertThat(problem(generic("work.2_a-b", HTTPS, "c"), IssuerField.NAME)).isNull();
    }

    @Test
    void theIssuerUrlIsHttpsOrHttpOnLoopbackOnly() {
        assertThat(issuerUrlProblem("https://id.example.com")).isNull();
        assertThat(issuerUrlProblem("http://127.0.0.1:8080/default")).isNull();
        assertThat(issuerUrlProblem("http://localhost:8080/default")).isNull();
        assertThat(issuerUrlProblem("http://[::1]:8080/default")).isNull();
        assertThat(issuerUrlProblem("http://example.com")).contains("must use https://");
        assertThat(issuerUrlProblem("http://127.0.0.2:8080")).contains("must use https://");
        assertThat(issuerUrlProblem("ftp://id.example.com")).contains("must use https://");
        assertThat(issuerUrlProblem("example.com")).contains("must use https://");
        assertThat(issuerUrlProblem("https:/no-host")).contains("must use https://");
    }

    @Test
    void theIssuerUrlHasNoQueryOrFragment() {
        assertThat(issuerUrlProblem("https://id.example.com/?tenant=1")).contains("no query");
        assertThat(issuerUrlProblem("https://id.example.com/#top")).contains("no query");
    }

    @Test
    void anOtherProviderNeedsAnIssuerUrlAndGoogleHasItsOwn() {
        assertThat(problem(generic("a", null, "c"), IssuerField.ISSUER_URL)).startsWith("Enter the issuer URL");

        IssuerCheck google = check(new IssuerDraft(IssuerKind.GOOGLE, "google", URI.create("http://ignored"),
                "123.apps.googleusercontent.com", "GOCSPX-abc", null, null));
        assertThat(google.issuer()).isEqualTo(IssuerRegistry.google("google", "123.apps.googleusercontent.com",
                "GOCSPX-abc", RedirectSpec.ANY_FREE_PORT));
    }

    @Test
    void theClientIdIsGivenWithoutSpaces() {
        assertThat(problem(generic("a", HTTPS, " "), IssuerField.CLIENT_ID)).startsWith("Enter the OAuth client ID");
        assertThat(problem(generic("a", HTTPS, null), IssuerField.CLIENT_ID)).startsWith("Enter the OAuth client ID");
        assertThat(problem(generic("a", HTTPS, "two words"), IssuerField.CLIENT_ID)).contains("no spaces");
    }

    @Test
    void googleNeedsTheClientSecretAndOthersDoNot() {
        IssuerDraft google = new IssuerDraft(IssuerKind.GOOGLE, "g", null, "id", " ", null, null);
        assertThat(problem(google, IssuerField.CLIENT_SECRET)).contains("Google needs the client secret");
        assertThat(check(generic("a", HTTPS, "id")).valid()).isTrue();
    }

    @Test
    void scopesIncludeOpenidAndAreScopeTokens() {
        assertThat(scopes(null).issuer().scopes()).isEqualTo(IssuerConfig.DEFAULT_SCOPES);
        assertThat(scopes(List.of(" openid ", "groups", "openid")).issuer().scopes()).containsExactly("openid", "groups");
        assertThat(scopes(List.of()).problems().get(IssuerField.SCOPES)).contains("\"openid\"");
        assertThat(scopes(List.of("email", "profile")).problems().get(IssuerField.SCOPES)).contains("\"openid\"");
        assertThat(scopes(List.of("openid", "\"email\"")).problems().get(IssuerField.SCOPES)).contains("no quotes");
        assertThat(scopes(List.of("openid", "a\\b")).problems().get(IssuerField.SCOPES)).contains("backslashes");
    }

    private static IssuerCheck scopes(List<String> scopes) {
        return check(new IssuerDraft(IssuerKind.GENERIC, "a", HTTPS, "c", null, scopes, null));
    }

    @Test
    void aFixedRedirectIsHttpOn127001WithAPortAndAPath() {
        IssuerCheck fixed = check(new IssuerDraft(IssuerKind.GENERIC, "a", HTTPS, "c", null, null,
                URI.create("http://127.0.0.1:3000/auth/google/callback")));
        assertThat(fixed.issuer().redirect()).isEqualTo(new RedirectSpec(3000, "/auth/google/callback"));
        assertThat(redirectProblem("http://127.0.0.1:3000")).isNull();
        assertThat(redirectProblem("http://127.0.0.1:65535/cb")).isNull();

        String shape = "http://127.0.0.1:PORT/PATH";
        assertThat(redirectProblem("https://127.0.0.1:3000/callback")).contains(shape);
        // the receiver listens on 127.0.0.1 only, so no other loopback name reaches it
        assertThat(redirectProblem("http://localhost:3000/callback")).contains(shape);
        assertThat(redirectProblem("http://[::1]:3000/callback")).contains(shape);
        assertThat(redirectProblem("http://127.0.0.1/callback")).contains(shape);
        assertThat(redirectProblem("http://127.0.0.1:0/callback")).contains(shape);
        assertThat(redirectProblem("http://127.0.0.1:65536/callback")).contains(shape);
        assertThat(redirectProblem("http://user@127.0.0.1:3000/callback")).contains(shape);
    }

    @Test
    void aFixedRedirectHasNoQueryOrFragment() {
        assertThat(redirectProblem("http://127.0.0.1:3000/callback?x=1")).contains("no query");
        assertThat(redirectProblem("http://127.0.0.1:3000/callback#x")).contains("no query");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        IssuerCheck check = check(new IssuerDraft(IssuerKind.GENERIC, "", URI.create("http://example.com"), "", null,
                List.of("email"), URI.create("https://127.0.0.1:3000/cb")));

        assertThat(check.valid()).isFalse();
        assertThat(check.issuer()).isNull();
        assertThat(check.problems()).containsOnlyKeys(IssuerField.NAME, IssuerField.ISSUER_URL, IssuerField.CLIENT_ID,
                IssuerField.SCOPES, IssuerField.REDIRECT_URI);
    }

    @Test
    void anIssuerBuiltElsewhereIsCheckedByTheSameRules() {
        IssuerConfig fine = IssuerRegistry.google("google", "id", "secret", new RedirectSpec(3000, "/a b"));
        assertThat(IssuerValidation.problems(fine, Set.of())).isEmpty();
        assertThat(IssuerValidation.problems(fine, Set.of("google"))).containsOnlyKeys(IssuerField.NAME);

        IssuerConfig wrong = new IssuerConfig("x y", IssuerKind.GENERIC, URI.create("http://id.example.com"), "c", null,
                null, null);
        assertThatThrownBy(() -> IssuerValidation.validate(wrong, Set.of()))
                .isInstanceOf(FedcredException.class)
                .hasMessageContaining("not a usable issuer name")
                .hasMessageContaining("must use https://");
    }
}
