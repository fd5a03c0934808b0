package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.onFx;
import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.ui.claims.ClaimRow;
import dev.fedcred.ui.claims.ClaimsView;
import dev.fedcred.ui.fx.TimeText;
import dev.fedcred.ui.issuers.IssuerRow;
import dev.fedcred.ui.testing.FollowingBrowser;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import dev.fedcred.ui.testing.WindowRobot;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A full browser sign-in against a real (mock) OpenID Connect provider, driven from the window, on
 * a stopped clock: the countdown reads exactly what the token has left and moves when the clock does.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowSignInTest {
    /** The provider signs with the real time; a stopped clock this far back still verifies its tokens. */
    private final MutableClock clock = MutableClock.stoppedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private MockIssuerWindow mock;
    private FedcredContext context;

    @Start
    void start(Stage stage) {
        mock = MockIssuerWindow.show(stage, clock, new FollowingBrowser());
        context = mock.context();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void signInShowsTheVerifiedClaimsAndCountsDown(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        assertThat(ui.findShowing(node -> node instanceof Label l && "Not signed in".equals(l.getText()))).isPresent();

        ui.click(ui.buttonByAccessibleText("Sign in to mock"));

        // looked up on the FX thread: the window is still filling in its claims and cards
        TableView<ClaimRow> claims = onFx(() -> robot.lookup("#claims-table").queryTableView());
        waitUntil(() -> claims.isVisible() && claimNames(claims).contains("sub"));
        assertThat(claimNames(claims)).contains("iss", "aud", "exp", "iat", "nonce");
        assertThat(valueOf(claims, "exp")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(\\d+\\)");
        assertThat(ui.labelShowingStartingWith("✔ Signature verified with the issuer's key")).isTrue();
        assertThat(ui.labelShowingStartingWith("Signed in as ")).isTrue();
        assertThat(ui.labelShowing("RS256")).isTrue();

        Label countdown = onFx(() -> robot.lookup("#expiry-countdown").queryAs(Label.class));
        Instant expiresAt = context.sessions().current("mock").orElseThrow().expiresAt();
        String first = expiresIn(expiresAt);
        waitUntil(() -> countdown.getText().equals(first));
        clock.advance(Duration.ofMinutes(17).plusSeconds(50));
        String later = expiresIn(expiresAt);
        assertThat(later).as("the countdown moves with the clock").isNotEqualTo(first);
        waitUntil(() -> countdown.getText().equals(later));

        assertThat(context.sessions().current("mock")).isPresent();
        // the window shows decoded claims, never the token itself
        String rawToken = context.sessions().current("mock").orElseThrow().rawIdToken();
        assertThat(ui.findShowing(node -> node instanceof Label l && l.getText() != null
                && l.getText().contains(rawToken))).isEmpty();
    }

    @Test
    void signingInIsTheRowsFirstActionOnlyWithoutALiveSignIn(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        Button signIn = ui.buttonByAccessibleText("Sign in to mock");
        assertThat(onFx(signIn::getText)).isEqualTo(IssuerRow.SIGN_IN);
        assertThat(stylesOf(signIn)).contains("accent");

        ui.click(signIn);
        waitUntil(() -> IssuerRow.SIGN_IN_AGAIN.equals(signIn.getText()));
        assertThat(stylesOf(signIn)).doesNotContain("accent");

        Instant expiresAt = context.sessions().current("mock").orElseThrow().expiresAt();
        clock.advance(Duration.between(clock.instant(), expiresAt).plusSeconds(1));
        waitUntil(() -> IssuerRow.SIGN_IN.equals(signIn.getText()));
        assertThat(ui.labelShowing("Expired")).isTrue();
        assertThat(stylesOf(signIn)).contains("accent");
    }

    @Test
    void signOutForgetsTheTokensAndClearsTheClaims(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        Button signIn = ui.buttonByAccessibleText("Sign in to mock");
        ui.click(signIn);
        waitUntil(() -> IssuerRow.SIGN_IN_AGAIN.equals(signIn.getText()));

        ui.click(ui.buttonByAccessibleText("Sign out of mock"));
        ui.click(ui.buttonByAccessibleText("Confirm signing out of mock"));

        waitUntil(() -> ui.labelShowing(ClaimsView.PLACEHOLDER));
        assertThat(ui.labelShowing("Not signed in")).isTrue();
        assertThat(onFx(signIn::getText)).isEqualTo(IssuerRow.SIGN_IN);
        assertThat(context.sessions().current("mock")).isEmpty();
    }

    private static List<String> stylesOf(Button button) {
        return onFx(() -> List.copyOf(button.getStyleClass()));
    }

    /** What the countdown says at the clock's now: its exact text, from the token's own expiry. */
    private String expiresIn(Instant expiresAt) {
        return "Expires in " + TimeText.hoursMinutesSeconds(Duration.between(clock.instant(), expiresAt));
    }

    private static java.util.List<String> claimNames(TableView<ClaimRow> table) {
        return table.getItems().stream().map(ClaimRow::name).toList();
    }

    private static String valueOf(TableView<ClaimRow> table, String claim) {
        return table.getItems().stream().filter(row -> row.name().equals(claim)).findFirst().orElseThrow().value();
    }
}
