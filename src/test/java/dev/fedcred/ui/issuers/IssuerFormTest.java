package dev.fedcred.ui.issuers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.issuers.IssuerCheck;
import dev.fedcred.core.issuers.IssuerField;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.RedirectSpec;
import dev.fedcred.ui.issuers.IssuerForm.Provider;
import dev.fedcred.ui.issuers.IssuerForm.Redirect;
import dev.fedcred.ui.issuers.IssuerForm.Values;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssuerFormTest {
    private final IssuerForm form = new IssuerForm(Set.of("sandbox", "work"));

    @Test
    void anyProviderWithDefaultsBecomesAGenericIssuerOnAnyFreePort() {
        IssuerCheck result = form.check(other("keycloak", "https://login.example.com/realms/main", "  cli-client "));

        assertThat(result.problems()).isEmpty();
        assertThat(result.issuer()).isEqualTo(new IssuerConfig("keycloak", IssuerKind.GENERIC,
                URI.create("https://login.example.com/realms/main"), "cli-client", null, IssuerConfig.DEFAULT_SCOPES,
                RedirectSpec.ANY_FREE_PORT));
    }

    @Test
    void googleUsesItsIssuerAndNeedsTheSecret() {
        Values google = new Values(Provider.GOOGLE, "google", "ignored", "123.apps.googleusercontent.com", "",
                IssuerForm.DEFAULT_SCOPES, Redirect.ANY_FREE_PORT, "");
        assertThat(form.check(google).problems()).containsOnlyKeys(IssuerField.CLIENT_SECRET);

        IssuerCheck result = form.check(withSecret(google, "GOCSPX-abc"));
        assertThat(result.issuer()).isEqualTo(IssuerRegistry.google("google", "123.apps.googleusercontent.com",
                "GOCSPX-abc", RedirectSpec.ANY_FREE_PORT));
    }

    @Test
    void aFixedRedirectUriGivesPortAndPath() {
        Values values = new Values(Provider.OTHER, "web", "https://id.example.com", "client", "s3", "openid,email",
                Redirect.FIXED, "http://127.0.0.1:3000/auth/google/callback");

        IssuerConfig issuer = form.check(values).issuer();

        assertThat(issuer.redirect()).isEqualTo(new RedirectSpec(3000, "/auth/google/callback"));
        assertThat(issuer.scopes()).containsExactly("openid", "email");
        assertThat(issuer.clientSecret()).isEqualTo("s3");
    }

    @Test
    void theIssuerUrlMustBeHttpsOrLoopbackHttp() {
        assertThat(issuerUrlError("http://example.com")).contains("https://");
        assertThat(issuerUrlError("example.com")).contains("https://");
        assertThat(issuerUrlError("")).startsWith("Enter the issuer URL");
        assertThat(issuerUrlError("https://id.example.com/?tenant=1")).contains("no query");
        assertThat(issuerUrlError("https://id example.com")).startsWith("This is not a URL");
        assertThat(issuerUrlError("http://127.0.0.1:8080/default")).isNull();
        assertThat(issuerUrlError("http://localhost:8080/default")).isNull();
        assertThat(issuerUrlError("http://[::1]:8080/default")).isNull();
        assertThat(issuerUrlError("https://id.example.com")).isNull();
    }

    @Test
    void theNameFollowsTheRegistrysRulesAndIsNotTaken() {
        assertThat(nameError("")).startsWith("Enter a short name");
        assertThat(nameError("my issuer")).contains("letters, digits");
        assertThat(nameError("-work")).contains("starting with a letter or digit");
        assertThat(nameError("x".repeat(65))).contains("at most 64");
        assertThat(nameError("sandbox")).contains("built-in sandbox");
        assertThat(nameError("work")).contains("already an issuer named \"work\"");
        assertThat(nameError("work.2_a-b")).isNull();
    }

    @Test
    void theClientIdIsRequired() {
        assertThat(form.check(other("a", "https://id.example.com", " ")).problems().get(IssuerField.CLIENT_ID))
                .startsWith("Enter the OAuth client ID");
        assertThat(form.check(other("a", "https://id.example.com", "two words")).problems().get(IssuerField.CLIENT_ID))
                .contains("no spaces");
    }

    @Test
    void scopesMustIncludeOpenid() {
        assertThat(scopesError("email profile")).contains("\"openid\"");
        assertThat(scopesError("")).contains("\"openid\"");
        assertThat(scopesError("openid \"email\"")).contains("no quotes");
        assertThat(scopesError("  openid   offline_access ")).isNull();
    }

    @Test
    void aFixedRedirectMustBeHttpOn127001WithAPort() {
        String shape = "http://127.0.0.1:PORT/PATH";
        assertThat(redirectError("https://127.0.0.1:3000/callback")).contains(shape);
        assertThat(redirectError("http://localhost:3000/callback")).contains(shape);
        assertThat(redirectError("http://127.0.0.1/callback")).contains(shape);
        assertThat(redirectError("http://127.0.0.1:70000/callback")).contains(shape);
        assertThat(redirectError("http://127.0.0.1:3000/callback?x=1")).contains("no query");
        assertThat(redirectError("")).startsWith("Enter the redirect URI");
        assertThat(redirectError("http://127.0.0.1:3000")).isNull();
        // the field is not checked while any free port is chosen
        Values anyPort = new Values(Provider.OTHER, "a", "https://id.example.com", "c", "", "openid",
                Redirect.ANY_FREE_PORT, "nonsense");
        assertThat(form.check(anyPort).valid()).isTrue();
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        Values values = new Values(Provider.OTHER, "", "http://example.com", "", "", "email", Redirect.FIXED,
                "https://127.0.0.1:3000/cb");

        IssuerCheck result = form.check(values);

        assertThat(result.valid()).isFalse();
        assertThat(result.issuer()).isNull();
        assertThat(result.problems()).containsOnlyKeys(IssuerField.NAME, IssuerField.ISSUER_URL, IssuerField.CLIENT_ID, IssuerField.SCOPES,
                IssuerField.REDIRECT_URI);
    }

    @Test
    void anIssuerReadsBackIntoTheFormUnchanged() {
        IssuerConfig google = IssuerRegistry.google("google", "id", "secret", new RedirectSpec(3000, "/cb"));
        IssuerConfig generic = new IssuerConfig("work", IssuerKind.GENERIC, URI.create("https://id.example.com"),
                "client", null, List.of("openid", "groups"), null);
        IssuerForm editing = new IssuerForm(Set.of("sandbox"));

        assertThat(Values.of(google).redirectUri()).isEqualTo("http://127.0.0.1:3000/cb");
        assertThat(editing.check(Values.of(google)).issuer()).isEqualTo(google);
        assertThat(Values.of(generic).scopes()).isEqualTo("openid groups");
        assertThat(editing.check(Values.of(generic)).issuer()).isEqualTo(generic);
    }

    private static Values other(String name, String issuerUrl, String clientId) {
        return new Values(Provider.OTHER, name, issuerUrl, clientId, "", IssuerForm.DEFAULT_SCOPES,
                Redirect.ANY_FREE_PORT, "");
    }

    private static Values withSecret(Values values, String secret) {
        return new Values(values.provider(), values.name(), values.issuerUrl(), values.clientId(), secret,
                values.scopes(), values.redirect(), values.redirectUri());
    }

    private String issuerUrlError(String url) {
        return form.check(other("a", url, "client")).problems().get(IssuerField.ISSUER_URL);
    }

    private String nameError(String name) {
        return form.check(other(name, "https://id.example.com", "client")).problems().get(IssuerField.NAME);
    }

    private String scopesError(String scopes) {
        return form.check(new Values(Provider.OTHER, "a", "https://id.example.com", "c", "", scopes,
                Redirect.ANY_FREE_PORT, "")).problems().get(IssuerField.SCOPES);
    }

    private String redirectError(String uri) {
        return form.check(new Values(Provider.OTHER, "a", "https://id.example.com", "c", "", "openid",
                Redirect.FIXED, uri)).problems().get(IssuerField.REDIRECT_URI);
    }
}
