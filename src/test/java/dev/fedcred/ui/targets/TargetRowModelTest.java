package dev.fedcred.ui.targets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.core.status.StatusReader;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetAction;
import dev.fedcred.core.targets.TargetPresentation;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import dev.fedcred.ui.fx.Confirmation;
import dev.fedcred.ui.fx.TimeText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import dev.fedcred.core.builtin.SandboxTargets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target row's state and actions without a window: the real core against an auto-approving
 * sandbox, a clock that stands still, and the row's background work run where the test says
 * (at once, or when the test lets it), so every text is exact and nothing waits.
 */
class TargetRowModelTest {
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

    @TempDir
    Path home;

    private SandboxServer sandbox;
    private final FakeBrowser browser = new FakeBrowser();
    private MutableClock clock;
    private FedcredContext context;
    /** Where the stopped clock shows noon, so an hour later is still today and the status shows no date. */
    private ZoneId zone;
    /** Background work the test runs when it chooses, to look at the row while it works. */
    private final List<Runnable> held = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)));
        clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        int secondOfDay = clock.instant().atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
        zone = ZoneOffset.ofTotalSeconds(Math.floorMod(12 * 3600 - secondOfDay + 12 * 3600, 24 * 3600) - 12 * 3600);
        context = new FedcredContext(SandboxHome.environment(sandbox, home), clock, browser);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void beforeAnyCredentialsOnlyGettingThemIsOffered() {
        TargetRowModel row = awsRow(Runnable::run);

        assertThat(row.issuerLine()).isEqualTo("Signs in with sandbox");
        assertThat(row.issuerProblem()).isFalse();
        assertThat(row.status(clock.instant())).isEqualTo(new CredentialStatus.Shown("No credentials yet",
                CredentialStatus.Level.NONE));
        assertThat(row.spokenStatus(clock.instant())).isEqualTo("No AWS credentials yet");
        assertThat(row.canGet()).isTrue();
        assertThat(row.renewShown()).isFalse();
        assertThat(row.canRemove()).isFalse();
        assertThat(row.editable()).as("a built-in target").isFalse();
        assertThat(row.missingHint()).isNull();
        assertThat(row.notice()).isNull();
        assertThat(row.error()).isNull();
    }

    @Test
    void aChainedRoleSignsInThroughItsSourceAndItsRowGetsItsCredentials() {
        TargetRowModel row = new TargetRowModel(context, Runnable::run, Runnable::run, zone,
                snapshot(SandboxTargets.SANDBOX_AWS_CHAINED));
        assertThat(row.issuerLine()).isEqualTo("Signs in with sandbox through sandbox-aws");

        row.get();
        assertThat(row.error()).contains("its source target sandbox-aws needs a sign-in with the issuer sandbox");
        assertThat(row.signInIssuer()).isEqualTo("sandbox");

        signIn();
        row.signedIn("sandbox");
        row.get();
        assertThat(row.error()).isNull();
        assertThat(row.notice()).startsWith("Wrote profile fedcred-sandbox-chained (access key ID ASIA");
        assertThat(row.expiration()).isNotNull();
    }

    @Test
    void gettingBeforeSigningInOffersTheSignInAndSigningInClearsTheError() {
        TargetRowModel row = awsRow(Runnable::run);

        row.get();
        assertThat(row.busy()).isFalse();
        assertThat(row.error()).startsWith("You are not signed in to sandbox (sandbox).");
        assertThat(row.signInIssuer()).isEqualTo("sandbox");
        assertThat(Files.exists(credentials())).isFalse();

        row.signedIn("someone-else");
        assertThat(row.error()).isNotNull();
        signIn();
        row.signedIn("sandbox");
        assertThat(row.error()).isNull();
        assertThat(row.signInIssuer()).isNull();
        assertThat(row.notice()).isEqualTo("Signed in to sandbox. Assume role now gets the credentials.");
    }

    @Test
    void whileItWorksTheRowIsBusyAndEveryActionWaits() {
        signIn();
        TargetRowModel row = awsRow(held::add);
        List<Boolean> busyOnEachChange = new ArrayList<>();
        row.onChange(() -> busyOnEachChange.add(row.busy()));

        row.get();
        assertThat(row.busy()).isTrue();
        assertThat(row.working()).isEqualTo("Assuming fedcred-sandbox…");
        assertThat(row.canGet()).isFalse();
        assertThat(row.canRemove()).isFalse();
        row.get();
        row.remove();
        assertThat(held).as("a second click while it works does nothing").hasSize(1);
        assertThat(row.question()).isNull();
        // a reload meanwhile brings the old facts; the running work decides the expiry
        row.update(snapshot(TargetRegistry.SANDBOX_AWS));

        runHeld();
        assertThat(row.busy()).isFalse();
        assertThat(row.working()).isNull();
        assertThat(row.expiration()).isNotNull();
        assertThat(row.notice()).startsWith("Wrote profile fedcred-sandbox (access key ID ASIA");
        assertThat(busyOnEachChange).startsWith(true).endsWith(false);
    }

    @Test
    void credentialsGotCountDownToTheSecondAndExpire() throws Exception {
        signIn();
        TargetRowModel row = awsRow(Runnable::run);

        row.get();
        Instant expiry = row.expiration();
        assertThat(expiry).isAfter(clock.instant());
        assertThat(Files.readString(credentials())).contains("[fedcred-sandbox]");
        assertThat(row.canRenew()).isTrue();
        assertThat(row.canRemove()).isTrue();
        assertThat(row.missingHint()).isNull();
        String until = TIME_OF_DAY.format(expiry.atZone(zone));
        assertThat(row.status(expiry.minus(Duration.ofHours(1)))).isEqualTo(new CredentialStatus.Shown(
                "Credentials valid for 1:00:00 (until " + until + ")", CredentialStatus.Level.VALID));
        assertThat(row.status(expiry.minusSeconds(42 * 60 + 10)).text())
                .isEqualTo("Credentials valid for 0:42:10 (until " + until + ")");
        assertThat(row.spokenStatus(expiry.minusSeconds(42 * 60 + 10))).isEqualTo("AWS credentials expire in 42 minutes");
        assertThat(row.status(expiry.minusSeconds(300)).level()).isEqualTo(CredentialStatus.Level.ENDING_SOON);

        clock.advance(Duration.between(clock.instant(), expiry));
        assertThat(row.status(clock.instant())).isEqualTo(new CredentialStatus.Shown("Expired",
                CredentialStatus.Level.EXPIRED));
        assertThat(row.spokenStatus(clock.instant())).isEqualTo("AWS credentials expired");
    }

    @Test
    void renewWritesNewCredentialsWhateverTimeIsLeft() throws Exception {
        signIn();
        TargetRowModel row = awsRow(Runnable::run);
        row.get();
        String first = Files.readString(credentials());
        clock.advance(Duration.ofMinutes(10));

        row.renew();
        assertThat(row.error()).isNull();
        assertThat(Files.readString(credentials())).as("new credentials").isNotEqualTo(first);
        assertThat(row.notice()).isEqualTo("Renewed sandbox-aws: new credentials written, valid until "
                + TimeText.local(row.expiration(), zone));
    }

    @Test
    void removingAsksFirstAndCancellingKeepsTheProfile() throws Exception {
        signIn();
        TargetRowModel row = awsRow(Runnable::run);
        row.get();
        String written = Files.readString(credentials());

        row.remove();
        Confirmation question = row.question();
        assertThat(question.text()).isEqualTo("Remove the profile fedcred-sandbox from " + credentials()
                + "? Only a profile fedcred wrote is removed.");
        assertThat(question.proceedAccessibleText()).isEqualTo("Confirm removing profile fedcred-sandbox");
        row.answer(question, false);
        assertThat(row.question()).isNull();
        assertThat(Files.readString(credentials())).isEqualTo(written);

        row.remove();
        row.answer(row.question(), true);
        assertThat(row.notice()).isEqualTo("Removed the profile fedcred-sandbox from " + credentials() + ".");
        assertThat(Files.readString(credentials())).doesNotContain("fedcred-sandbox");
        assertThat(row.canRemove()).isFalse();
        assertThat(row.renewShown()).isFalse();
        // fedcred still holds the credentials: the row says the file no longer has them
        assertThat(row.missingHint())
                .isEqualTo("The profile fedcred-sandbox is not in the credentials file; Assume role writes it.");
    }

    @Test
    void aHandWrittenProfileIsReplacedOnlyAfterConfirming() throws Exception {
        signIn();
        Files.createDirectories(credentials().getParent());
        String handWritten = "# mine\n[fedcred-sandbox]\naws_access_key_id = AKIAFAKEHANDWRITTEN1\naws_secret_access_key = fake\n";
        Files.writeString(credentials(), handWritten);
        TargetRowModel row = awsRow(Runnable::run);

        row.get();
        Confirmation replace = row.question();
        assertThat(replace.title()).isEqualTo("Replace profile");
        assertThat(replace.proceed()).isSameAs(TargetRowModel.REPLACE);
        assertThat(row.error()).isNull();
        row.answer(replace, false);
        assertThat(row.notice()).isEqualTo("Kept your profile fedcred-sandbox; fedcred wrote nothing.");
        assertThat(Files.readString(credentials())).isEqualTo(handWritten);

        row.get();
        row.answer(row.question(), true);
        assertThat(row.notice()).startsWith("Wrote profile fedcred-sandbox");
        assertThat(Files.readString(credentials())).doesNotContain("AKIAFAKEHANDWRITTEN1");
        assertThat(Files.readString(home.resolve("aws/credentials.fedcred-backup"))).isEqualTo(handWritten);
    }

    @Test
    void anAnswerToAQuestionNoLongerAskedDoesNothing() throws Exception {
        signIn();
        Files.createDirectories(credentials().getParent());
        Files.writeString(credentials(), "[fedcred-sandbox]\naws_access_key_id = AKIAFAKEHANDWRITTEN1\n");
        TargetRowModel row = awsRow(Runnable::run);
        row.get();
        Confirmation replace = row.question();
        // the window closes the first question's dialog when the second one opens
        row.remove();
        Confirmation remove = row.question();

        row.answer(replace, true);
        assertThat(row.question()).isSameAs(remove);
        assertThat(Files.readString(credentials())).contains("AKIAFAKEHANDWRITTEN1");
    }

    @Test
    void googleCloudCredentialsAreGotAndRemovedWithTheirOwnWords() throws Exception {
        signIn();
        TargetRowModel row = new TargetRowModel(context, Runnable::run, Runnable::run, zone,
                snapshot(TargetRegistry.SANDBOX_GCP));
        assertThat(row.spokenStatus(clock.instant())).isEqualTo("No Google Cloud credentials yet");

        row.get();
        assertThat(row.error()).isNull();
        assertThat(row.expiration()).isNotNull();
        assertThat(row.spokenStatus(row.expiration().minusSeconds(60 * 60))).isEqualTo(
                "Google Cloud credentials expire in 1 hour");
        row.remove();
        assertThat(row.question().title()).isEqualTo("Remove credentials");
        row.answer(row.question(), true);
        assertThat(row.error()).isNull();
        assertThat(row.canRemove()).isFalse();
        assertThat(row.missingHint()).isEqualTo("The Google ADC file is not there; Get credentials writes it.");
    }

    /** A kind the ui has no code for: the row shows the words its core kind brings. */
    @Test
    void aKindBringsItsOwnWordsToTheRow() {
        Path file = home.resolve("notes.json");
        TargetPresentation words = new TargetPresentation(
                List.of(new TargetPresentation.Line("Notebook n-1", "Notebook n one"),
                        new TargetPresentation.Line("→ " + file, null)),
                "Fetch notes", "notebook credentials", "Forget notes", "Fetching notes…", "Forgetting notes…",
                new TargetPresentation.Question("Forget notes", "Forget the notes in " + file + "?",
                        "Confirm forgetting notes", "Keep notes"),
                "Also forget the notes in " + file, "The notes file is not there; Fetch notes writes it.");
        Instant later = clock.instant().plus(Duration.ofHours(1));
        TargetSnapshot written = new TargetSnapshot(new NotesTarget("notes"), "notes", false, "sandbox", null, later,
                true, file, words);

        TargetRowModel row = new TargetRowModel(context, held::add, Runnable::run, zone, written);
        assertThat(row.canGet()).isTrue();
        assertThat(row.canRemove()).isTrue();
        assertThat(row.spokenStatus(clock.instant())).startsWith("notebook credentials");
        assertThat(row.kind().getLabel()).isEqualTo("Fetch notes");
        assertThat(row.kind().details(written)).extracting(TargetKind.Detail::text)
                .containsExactly("Notebook n-1", "→ " + file);
        row.remove();
        assertThat(row.question()).isEqualTo(new Confirmation("Forget notes", "Forget the notes in " + file + "?",
                TargetRowModel.REMOVE, "Confirm forgetting notes", "Keep notes"));

        TargetRowModel gone = new TargetRowModel(context, held::add, Runnable::run, zone, new TargetSnapshot(
                new NotesTarget("notes"), "notes", false, "sandbox", null, later, false, file, words));
        assertThat(gone.missingHint()).isEqualTo("The notes file is not there; Fetch notes writes it.");
        assertThat(held).as("nothing ran").isEmpty();
    }

    private record NotesTarget(String name) implements Target {
        @Override
        public String issuer() {
            return null;
        }

        @Override
        public String destination() {
            return "notes";
        }
    }

    @Test
    void openConsoleIsTheKindsOwnActionAndOpensTheBrowserOnTheConsole() {
        signIn();
        TargetRowModel row = awsRow(held::add);
        TargetAction console = row.kind().actions().get(0);
        assertThat(console.label()).isEqualTo("Open console");
        assertThat(console.accessibleText()).isEqualTo("Open the AWS console as fedcred-sandbox");
        assertThat(new TargetRowModel(context, Runnable::run, Runnable::run, zone, snapshot(TargetRegistry.SANDBOX_GCP))
                .kind().actions()).as("a GCP target offers no console").isEmpty();
        int before = browser.visits();

        row.perform(console);
        assertThat(row.busy()).isTrue();
        assertThat(row.working()).isEqualTo("Opening the AWS console as fedcred-sandbox…");
        assertThat(row.canPerform()).isFalse();
        assertThat(row.canGet()).isFalse();
        row.perform(console);
        assertThat(held).as("a second click while it works does nothing").hasSize(1);

        runHeld();
        assertThat(row.busy()).isFalse();
        assertThat(row.error()).isNull();
        assertThat(row.notice()).isEqualTo("Opened the AWS console as fedcred-sandbox in your browser.");
        assertThat(browser.visits()).isEqualTo(before + 1);
        assertThat(browser.landedOn().body()).contains("assumed-role/fedcred-sandbox/sandbox.user@example.com")
                .contains("<code id=\"region\">us-east-1</code>");
    }

    @Test
    void aChainedRoleOffersOpenConsoleAsTheChainedRole() {
        signIn();
        TargetRowModel row = new TargetRowModel(context, Runnable::run, Runnable::run, zone,
                snapshot(SandboxTargets.SANDBOX_AWS_CHAINED));
        TargetAction console = row.kind().actions().get(0);
        assertThat(console.label()).isEqualTo("Open console");
        assertThat(console.accessibleText()).isEqualTo("Open the AWS console as fedcred-sandbox-chained");

        row.perform(console);
        assertThat(row.error()).isNull();
        assertThat(row.notice()).isEqualTo("Opened the AWS console as fedcred-sandbox-chained in your browser.");
        assertThat(browser.landedOn().body()).contains("assumed-role/fedcred-sandbox-chained/");
    }

    @Test
    void openConsoleBeforeSigningInOffersTheSignIn() {
        TargetRowModel row = awsRow(Runnable::run);

        row.perform(row.kind().actions().get(0));
        assertThat(row.error()).startsWith("You are not signed in to sandbox (sandbox).");
        assertThat(row.signInIssuer()).isEqualTo("sandbox");
        assertThat(browser.visits()).isZero();
    }

    @Test
    void aRefusedConsoleSignInSaysWhatToDoAndOpensNothing() {
        signIn();
        TargetRowModel row = awsRow(Runnable::run);
        sandbox.awsFederationFaults().refuseNext(400);
        int before = browser.visits();

        row.perform(row.kind().actions().get(0));
        assertThat(row.error()).startsWith("The AWS federation endpoint " + sandbox.endpoints().get("aws-signin")
                + " refused the role session for a console sign-in (HTTP 400).");
        assertThat(row.signInIssuer()).isNull();
        assertThat(row.notice()).isNull();
        assertThat(browser.visits()).isEqualTo(before);
    }

    @Test
    void withoutABrowserTheRowSaysSo() {
        signIn();
        FedcredContext noBrowser = new FedcredContext(SandboxHome.environment(sandbox, home), clock, BrowserOpener.NONE);
        TargetRowModel row = new TargetRowModel(noBrowser, Runnable::run, Runnable::run, zone,
                snapshot(TargetRegistry.SANDBOX_AWS));

        row.perform(row.kind().actions().get(0));
        assertThat(row.error()).isEqualTo("No browser could be started to open it. Check that a default browser is set"
                + " (xdg-open on Linux), then try again.");
    }

    @Test
    void checkRunsTheDoctorForTheTargetAndHandsItsFindingsToTheViewOnce() {
        TargetRowModel row = awsRow(Runnable::run);

        row.check();

        assertThat(row.busy()).isFalse();
        assertThat(row.notice()).isEqualTo("Checked sandbox-aws: 1 thing to fix.");
        dev.fedcred.core.doctor.DoctorReport report = row.takeCheckReport();
        assertThat(report.checked()).containsExactly("sandbox-aws");
        assertThat(report.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.about()).isEqualTo("issuer sandbox");
            assertThat(entry.finding().problem()).isEqualTo("Not signed in to sandbox (sandbox).");
            assertThat(entry.finding().command()).isTrue();
            assertThat(entry.finding().fix()).endsWith("login --issuer sandbox");
        });
        assertThat(row.takeCheckReport()).as("shown once").isNull();
    }

    private TargetRowModel awsRow(Executor background) {
        return new TargetRowModel(context, background, Runnable::run, zone, snapshot(TargetRegistry.SANDBOX_AWS));
    }

    private TargetSnapshot snapshot(String name) {
        return context.statusReader().read()
                .targets().stream().filter(target -> target.target().name().equals(name)).findFirst().orElseThrow();
    }

    private void signIn() {
        try (PendingSignIn pending = context.sessions().begin(context.issuers().sandbox())) {
            context.browser().open(pending.authorizationUri());
            context.sessions().finish(pending, Duration.ofSeconds(10));
        }
    }

    private void runHeld() {
        List<Runnable> now = List.copyOf(held);
        held.clear();
        now.forEach(Runnable::run);
    }

    private Path credentials() {
        return home.resolve("aws/credentials");
    }
}
