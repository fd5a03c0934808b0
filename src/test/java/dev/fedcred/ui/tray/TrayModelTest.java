package dev.fedcred.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.core.targets.TargetKinds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tray's state, tooltip and menu from the sessions and a clock the test moves: signed out,
 * signed in, expiring within the renewal lead, expired; the items' words and what they do.
 */
class TrayModelTest {
    private static final Instant START = Instant.parse("2026-11-29T21:00:00Z");
    private static final TrayAction SIGN_IN_SANDBOX = new TrayAction.SignIn("sandbox");
    private static final TrayAction GET_AWS = new TrayAction.GetCredentials(TargetRegistry.SANDBOX_AWS);
    private static final TrayAction GET_GCP = new TrayAction.GetCredentials(TargetRegistry.SANDBOX_GCP);

    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.stoppedAt(START);
    private final TrayModel model = new TrayModel(clock);
    private FedcredContext context;
    private Target aws;
    private Target gcp;

    @BeforeEach
    void builtInTargets() {
        context = new FedcredContext(Map.of("FEDCRED_HOME", home.toString()), clock, uri -> false);
        aws = context.targets().resolve(TargetRegistry.SANDBOX_AWS);
        gcp = context.targets().resolve(TargetRegistry.SANDBOX_GCP);
    }

    private TargetSnapshot target(Target target, Instant expiration, boolean inFile) {
        TargetKinds.Bound<?> kind = context.kinds().of(target);
        Path file = home.resolve("credentials");
        return new TargetSnapshot(target, kind.id(), true, "sandbox", null, expiration, inFile, file,
                kind.presentation(file));
    }

    private static TrayFacts.IssuerSession sandbox(Instant idTokenExpiresAt) {
        return new TrayFacts.IssuerSession("sandbox", idTokenExpiresAt);
    }

    private TrayMenu menu(TrayFacts facts) {
        return model.menu(facts, Map.of());
    }

    private static List<String> labels(TrayMenu menu) {
        return menu.items().stream().map(item -> item.isSeparator() ? "---" : item.label()).toList();
    }

    private static TrayMenuItem item(TrayMenu menu, String label) {
        return menu.items().stream().filter(i -> label.equals(i.label())).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + label + " in " + labels(menu)));
    }

    @Test
    void signedOutOffersTheSignInAndEachTargetsOwnAction() {
        TrayMenu menu = menu(new TrayFacts(List.of(sandbox(null)),
                List.of(target(aws, null, false), target(gcp, null, false)), null));

        assertThat(menu.state()).isEqualTo(TrayState.SIGNED_OUT);
        assertThat(menu.tooltip()).isEqualTo("fedcred: not signed in");
        assertThat(labels(menu)).containsExactly("Not signed in", "Sign in to sandbox…", "---",
                "Assume role sandbox-aws", "Open console sandbox-aws", "Get credentials sandbox-gcp", "---",
                "Open fedcred", "Quit");
        assertThat(item(menu, "Not signed in").enabled()).isFalse();
        assertThat(item(menu, "Sign in to sandbox…").action()).isEqualTo(SIGN_IN_SANDBOX);
        assertThat(item(menu, "Assume role sandbox-aws").action()).isEqualTo(GET_AWS);
        assertThat(item(menu, "Get credentials sandbox-gcp").action()).isEqualTo(GET_GCP);
        // the kind's other action, as data: the tray names it, the kind does it
        assertThat(item(menu, "Open console sandbox-aws").action()).isInstanceOfSatisfying(TrayAction.KindAction.class,
                open -> {
                    assertThat(open.target()).isEqualTo(TargetRegistry.SANDBOX_AWS);
                    assertThat(open.action().label()).isEqualTo("Open console");
                });
        assertThat(item(menu, "Open fedcred").action()).isEqualTo(new TrayAction.OpenWindow());
        assertThat(item(menu, "Quit").action()).isEqualTo(new TrayAction.Quit());
    }

    @Test
    void signedInCountsDownAndTurnsExpiringThenExpiredAsTheClockMoves() {
        TrayFacts facts = new TrayFacts(List.of(sandbox(START.plus(Duration.parse("PT59M10S")))),
                List.of(target(aws, START.plus(Duration.parse("PT42M10S")), true), target(gcp, null, false)), null);

        TrayMenu menu = menu(facts);
        assertThat(menu.state()).isEqualTo(TrayState.SIGNED_IN);
        assertThat(menu.tooltip()).isEqualTo("fedcred: signed in; sandbox-aws expires next, in 0:42:10");
        assertThat(labels(menu)).containsExactly("Signed in to sandbox — 0:59:10 left", "---",
                "Renew sandbox-aws — 0:42:10 left", "Open console sandbox-aws", "Get credentials sandbox-gcp", "---",
                "Open fedcred", "Quit");
        assertThat(item(menu, "Renew sandbox-aws — 0:42:10 left").action()).isEqualTo(GET_AWS);

        clock.advance(Duration.parse("PT37M9S"));
        assertThat(menu(facts).state()).as("5:01 left is still more than the renewal lead").isEqualTo(TrayState.SIGNED_IN);
        clock.advance(Duration.ofSeconds(1));
        menu = menu(facts);
        assertThat(menu.state()).isEqualTo(TrayState.EXPIRING);
        assertThat(menu.tooltip()).isEqualTo("fedcred: expiring soon: sandbox-aws in 0:05:00");
        assertThat(labels(menu)).contains("Renew sandbox-aws — 0:05:00 left", "Signed in to sandbox — 0:22:00 left");

        clock.advance(Duration.ofMinutes(5));
        menu = menu(facts);
        assertThat(menu.state()).as("the sign-in is still valid, but the profile in the file has expired")
                .isEqualTo(TrayState.EXPIRED);
        assertThat(menu.tooltip()).isEqualTo("fedcred: expired: sandbox-aws");
        assertThat(labels(menu)).contains("Renew sandbox-aws — expired");

        clock.advance(Duration.ofMinutes(17));
        menu = menu(facts);
        assertThat(menu.tooltip()).isEqualTo("fedcred: expired: the sign-in to sandbox, sandbox-aws");
        assertThat(labels(menu)).startsWith("Not signed in", "Sign in to sandbox…");
    }

    @Test
    void anIdTokenAboutToExpireIsExpiringToo() {
        TrayMenu menu = menu(new TrayFacts(List.of(sandbox(START.plus(Duration.ofMinutes(3)))),
                List.of(target(aws, null, false)), null));

        assertThat(menu.state()).isEqualTo(TrayState.EXPIRING);
        assertThat(menu.tooltip()).isEqualTo("fedcred: expiring soon: the sign-in to sandbox in 0:03:00");
    }

    @Test
    void credentialsNoLongerInTheirFileDoNotCountAndAreGotAfresh() {
        TrayMenu menu = menu(new TrayFacts(List.of(sandbox(null)),
                List.of(target(aws, START.minus(Duration.ofHours(2)), false)), null));

        assertThat(menu.state()).isEqualTo(TrayState.SIGNED_OUT);
        assertThat(labels(menu)).contains("Assume role sandbox-aws");
    }

    @Test
    void validCredentialsInTheFileKeepTheIconGreenAfterSignOut() {
        TrayMenu menu = menu(new TrayFacts(List.of(sandbox(null)),
                List.of(target(aws, START.plus(Duration.ofMinutes(30)), true)), null));

        assertThat(menu.state()).isEqualTo(TrayState.SIGNED_IN);
        assertThat(labels(menu)).startsWith("Not signed in", "Sign in to sandbox…");
    }

    @Test
    void aTargetBeingFetchedSaysSoAndCannotBeClickedAgain() {
        TrayMenu menu = model.menu(new TrayFacts(List.of(sandbox(START.plus(Duration.ofHours(1)))),
                List.of(target(aws, null, false)), null), Map.of(TargetRegistry.SANDBOX_AWS, "Assuming fedcred-sandbox…"));

        TrayMenuItem working = item(menu, "Assuming fedcred-sandbox…");
        assertThat(working.enabled()).isFalse();
        assertThat(working.action()).as("the item keeps its place in the menu").isEqualTo(GET_AWS);
    }

    @Test
    void onlyIssuersThatMatterAskForASignIn() {
        TrayFacts facts = new TrayFacts(List.of(
                new TrayFacts.IssuerSession("unused", null),
                new TrayFacts.IssuerSession("lapsed", START.minus(Duration.ofMinutes(1))),
                sandbox(START.plus(Duration.ofHours(1)))),
                List.of(target(aws, null, false)), null);

        assertThat(labels(menu(facts))).contains("Sign in to lapsed…", "Signed in to sandbox — 1:00:00 left")
                .doesNotContain("Sign in to unused…", "Sign in to sandbox…");
    }

    @Test
    void settingsThatCannotBeReadAreMentioned() {
        TrayMenu menu = menu(new TrayFacts(List.of(sandbox(null)), List.of(), TrayFacts.SETTINGS_PROBLEM));

        assertThat(labels(menu)).containsExactly("Not signed in", TrayFacts.SETTINGS_PROBLEM, "---",
                "Open fedcred", "Quit");
    }
}
