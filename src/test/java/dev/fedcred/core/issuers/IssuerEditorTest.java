package dev.fedcred.core.issuers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.FakeBrowser;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding, changing, renaming and removing issuers, with real sign-ins to the sandbox that have to go with them. */
class IssuerEditorTest {
    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;
    private IssuerEditor editor;
    private final List<String> signedOut = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true));
        context = new FedcredContext(Map.of("FEDCRED_HOME", home.toString()), Clock.systemUTC(), new FakeBrowser());
        context.sessions().addListener(new IdentitySessions.Listener() {
            @Override
            public void tokensSaved(TokenSet tokens) {
            }

            @Override
            public void signedOut(String issuerName) {
                signedOut.add(issuerName);
            }
        });
        editor = context.issuerEditor();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** An issuer of the user's own that the sandbox answers for. */
    private IssuerConfig work(String name) {
        return new IssuerConfig(name, IssuerKind.GENERIC, sandbox.issuerUri(), "fedcred-sandbox", null, null, null);
    }

    private void signIn(IssuerConfig issuer) {
        try (PendingSignIn pending = context.sessions().begin(issuer)) {
            context.browser().open(pending.authorizationUri());
            context.sessions().finish(pending, Duration.ofSeconds(10));
        }
    }

    @Test
    void removeTakesTheIssuerOutAndSignsItOutOnce() {
        editor.add(work("work"));
        signIn(work("work"));

        editor.remove("work");

        assertThat(context.issuers().find("work")).isEmpty();
        assertThat(context.sessions().current("work")).isEmpty();
        assertThat(signedOut).containsExactly("work");
    }

    @Test
    void anIssuerATargetSignsInWithStaysAndStaysSignedIn() {
        editor.add(work("work"));
        signIn(work("work"));
        context.targets().add(new AwsRoleTarget("prod", "arn:aws:iam::000000000000:role/x", "prod", null, null, null,
                "work", null));

        assertThatThrownBy(() -> editor.remove("work")).hasMessageContaining("signs in for the targets [prod]");
        assertThatThrownBy(() -> editor.change("work", work("renamed")))
                .hasMessageContaining("signs in for the targets [prod]");

        assertThat(context.issuers().find("work")).isPresent();
        assertThat(context.issuers().find("renamed")).isEmpty();
        assertThat(context.sessions().current("work")).isPresent();
        assertThat(signedOut).isEmpty();
    }

    @Test
    void theSandboxAndUnknownIssuersCannotBeRemoved() {
        assertThatThrownBy(() -> editor.remove("sandbox")).hasMessageContaining("built in");
        assertThatThrownBy(() -> editor.remove("nope")).hasMessageContaining("There is no issuer named \"nope\"");
        assertThat(signedOut).isEmpty();
    }

    @Test
    void renamingReplacesTheIssuerSignsOutTheOldNameOnceAndKeepsItTheDefault() {
        editor.add(work("work"));
        editor.add(work("other"));
        context.settings().update(settings -> settings.withDefaultIssuer("work"));
        signIn(work("work"));

        editor.change("work", work("renamed"));

        assertThat(context.issuers().all()).extracting(IssuerConfig::name).containsExactly("other", "renamed", "sandbox");
        assertThat(context.issuers().resolve(null).name()).isEqualTo("renamed");
        assertThat(context.sessions().current("work")).isEmpty();
        assertThat(signedOut).containsExactly("work");
    }

    @Test
    void changingKeepsTheNameAndTheSignIn() {
        editor.add(work("work"));
        signIn(work("work"));
        IssuerConfig changed = new IssuerConfig("work", IssuerKind.GENERIC, sandbox.issuerUri(), "fedcred-sandbox",
                null, List.of("openid", "email"), null);

        editor.change("work", changed);

        assertThat(context.issuers().find("work")).contains(changed);
        assertThat(context.sessions().current("work")).isPresent();
        assertThat(signedOut).isEmpty();
    }

    @Test
    void aNewOrRenamedIssuerDoesNotTakeAnothersName() {
        editor.add(work("work"));
        editor.add(work("other"));

        assertThatThrownBy(() -> editor.add(work("work"))).hasMessageContaining("already an issuer named \"work\"");
        assertThatThrownBy(() -> editor.change("other", work("work")))
                .hasMessageContaining("already an issuer named \"work\"");
        assertThat(context.issuers().all()).extracting(IssuerConfig::name).containsExactly("work", "other", "sandbox");
    }

    @Test
    void addOrReplacePutsAnIssuerInPlaceOfTheOneOfTheSameName() {
        editor.add(work("work"));
        IssuerConfig replacement = new IssuerConfig("work", IssuerKind.GENERIC, URI.create("https://id.example.test"),
                "other-client", null, null, null);

        editor.addOrReplace(replacement);

        assertThat(context.issuers().find("work")).contains(replacement);
        assertThat(signedOut).isEmpty();
    }

    @Test
    void nothingInvalidIsSaved() {
        IssuerConfig plainHttp = new IssuerConfig("work", IssuerKind.GENERIC, URI.create("http://id.example.test"),
                "c", null, null, null);

        assertThatThrownBy(() -> editor.addOrReplace(plainHttp)).hasMessageContaining("must use https://");
        assertThat(context.issuers().find("work")).isEmpty();
    }
}
