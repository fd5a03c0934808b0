package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuersCommandTest {
    @TempDir
    Path home;

    private FedcredContext context() {
        return new FedcredContext(Map.of("FEDCRED_HOME", home.toString()), Clock.systemUTC(), BrowserOpener.NONE);
    }

    @Test
    void addsListsAndRemovesIssuers() throws Exception {
        CliRun add = CliRun.run(context(), "issuers", "add", "google", "--google",
                "--client-id", "123-fake.apps.googleusercontent.com", "--client-secret", "fake-secret",
                "--redirect-uri", "http://127.0.0.1:3000/auth/google/callback");
        assertThat(add.exitCode()).as(add.err()).isZero();
        CliRun.run(context(), "issuers", "add", "work", "--issuer-url", "https://login.example.test/realms/dev",
                "--client-id", "fedcred");

        CliRun list = CliRun.run(context(), "issuers", "list");
        assertThat(list.out())
                .containsPattern("\\* google\\s+google\\s+https://accounts.google.com\\s+123-fake")
                .containsPattern("work\\s+generic\\s+https://login.example.test/realms/dev")
                .containsPattern("sandbox\\s+sandbox")
                .doesNotContain("fake-secret");
        String settings = Files.readString(home.resolve("config/settings.json"));
        assertThat(settings).contains("\"path\" : \"/auth/google/callback\"").contains("\"port\" : 3000");

        assertThat(CliRun.run(context(), "issuers", "default", "work").exitCode()).isZero();
        assertThat(CliRun.run(context(), "issuers", "list").out()).containsPattern("\\* work");
        assertThat(CliRun.run(context(), "issuers", "remove", "google").out()).contains("Removed issuer google");
        assertThat(CliRun.run(context(), "issuers", "list").out()).doesNotContain("accounts.google.com");
    }

    @Test
    void addingAnIssuerSaysWhichIssuerIsTheDefaultAndChangesItOnlyWhenAsked() {
        CliRun first = CliRun.run(context(), "issuers", "add", "work", "--issuer-url", "https://login.example.test",
                "--client-id", "c");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("work is now the default issuer, as your only one besides the sandbox");

        CliRun second = CliRun.run(context(), "issuers", "add", "other", "--issuer-url", "https://other.example.test",
                "--client-id", "c");
        assertThat(second.out()).contains("The default issuer stays work").contains("fedcred issuers default other");
        assertThat(CliRun.run(context(), "issuers", "list").out()).containsPattern("\\* work");

        CliRun chosen = CliRun.run(context(), "issuers", "add", "third", "--issuer-url", "https://third.example.test",
                "--client-id", "c", "--default");
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        assertThat(chosen.out()).contains("third is now the default issuer.");
        assertThat(CliRun.run(context(), "issuers", "list").out()).containsPattern("\\* third");

        CliRun.run(context(), "issuers", "default", "sandbox");
        CliRun afterSandbox = CliRun.run(context(), "issuers", "add", "fourth", "--issuer-url", "https://fourth.example.test",
                "--client-id", "c");
        assertThat(afterSandbox.out()).contains("The default issuer stays sandbox");
    }

    @Test
    void badInputGetsAClearErrorAndExitCode() {
        CliRun http = CliRun.run(context(), "issuers", "add", "x", "--issuer-url", "http://idp.example.test",
                "--client-id", "c");
        assertThat(http.exitCode()).isEqualTo(1);
        assertThat(http.err()).contains("must use https");

        CliRun redirect = CliRun.run(context(), "issuers", "add", "g", "--google", "--client-id", "c",
                "--redirect-uri", "https://example.test/callback");
        assertThat(redirect.exitCode()).isEqualTo(1);
        assertThat(redirect.err()).contains("http://127.0.0.1:PORT/PATH");

        CliRun unknown = CliRun.run(context(), "login", "--issuer", "nope");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no issuer named \"nope\"");

        CliRun neither = CliRun.run(context(), "issuers", "add", "y", "--client-id", "c");
        assertThat(neither.exitCode()).isEqualTo(2);
    }

    @Test
    void theRedirectRulesAreTheDialogs() {
        CliRun query = CliRun.run(context(), "issuers", "add", "g", "--google", "--client-id", "c", "--client-secret",
                "s", "--redirect-uri", "http://127.0.0.1:3000/callback?x=1");
        assertThat(query.exitCode()).isEqualTo(1);
        assertThat(query.err()).contains("--redirect-uri: The redirect URI has no query");

        CliRun port = CliRun.run(context(), "issuers", "add", "g", "--google", "--client-id", "c", "--client-secret",
                "s", "--redirect-uri", "http://127.0.0.1:70000/callback");
        assertThat(port.exitCode()).isEqualTo(1);
        assertThat(port.err()).contains("--redirect-uri: The redirect URI must be http://127.0.0.1:PORT/PATH");
        assertThat(CliRun.run(context(), "issuers", "list").out()).doesNotContain("accounts.google.com");
    }

    @Test
    void plainHttpIsAllowedOnEveryLoopbackName() {
        for (String loopback : new String[] {"127.0.0.1", "localhost", "[::1]"}) {
            CliRun add = CliRun.run(context(), "issuers", "add", "local", "--issuer-url",
                    "http://" + loopback + ":8080/realm", "--client-id", "c");
            assertThat(add.exitCode()).as(loopback + ": " + add.err()).isZero();
        }
    }

    @Test
    void everyProblemIsPrintedWithItsOption() {
        CliRun add = CliRun.run(context(), "issuers", "add", "my issuer", "--google", "--client-id", "two words",
                "--scope", "email", "--redirect-uri", "https://127.0.0.1:3000/cb");

        assertThat(add.exitCode()).isEqualTo(1);
        assertThat(add.err()).contains("The issuer was not added:")
                .contains("NAME: \"my issuer\" is not a usable issuer name")
                .contains("--client-id: A client ID has no spaces")
                .contains("--client-secret: Google needs the client secret")
                .contains("--scope: Include \"openid\"")
                .contains("--redirect-uri: The redirect URI must be");
    }

    @Test
    void aBrokenSettingsFileIsReportedAndKept() throws Exception {
        Path settings = home.resolve("config/settings.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{ \"issuers\": [ }");
        CliRun add = CliRun.run(context(), "issuers", "add", "work", "--issuer-url", "https://idp.example.test",
                "--client-id", "c");
        assertThat(add.exitCode()).isEqualTo(1);
        assertThat(add.err()).contains(settings.toString()).contains("line 1, column");
        assertThat(Files.readString(settings)).isEqualTo("{ \"issuers\": [ }");
    }
}
