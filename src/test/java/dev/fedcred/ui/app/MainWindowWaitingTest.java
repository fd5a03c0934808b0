package dev.fedcred.ui.app;

import static dev.fedcred.ui.testing.WindowRobot.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.ui.issuers.IssuerRowModel;
import dev.fedcred.ui.issuers.ManualUrlBox;
import dev.fedcred.ui.testing.WindowRobot;
import java.net.URI;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The sign-in while the browser has not come back: waiting, cancelling, no browser, errors. */
@ExtendWith(ApplicationExtension.class)
class MainWindowWaitingTest {
    /** Whether the pretend browser "opens"; it never follows the URL either way. */
    private volatile boolean browserOpens = true;
    private MockIssuerWindow mock;
    private FedcredContext context;

    @Start
    void start(Stage stage) {
        // nothing listens on port 1: discovery fails at once
        mock = MockIssuerWindow.show(stage, uri -> browserOpens, new IssuerConfig("down", IssuerKind.GENERIC,
                URI.create("http://127.0.0.1:1/realm"), MockIssuerWindow.CLIENT_ID, null, null, null));
        context = mock.context();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void cancelStopsWaitingQuietly(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText("Sign in to mock"));
        waitUntil(() -> ui.labelShowing(IssuerRowModel.WAITING_FOR_BROWSER));

        ui.click(ui.buttonByAccessibleText("Cancel the sign-in to mock"));

        waitUntil(() -> ui.labelShowing(IssuerRowModel.SIGN_IN_CANCELLED));
        assertThat(ui.labelShowing(IssuerRowModel.WAITING_FOR_BROWSER)).isFalse();
        assertThat(ui.labelShowing("Not signed in")).isTrue();
        assertThat(ui.findShowing(node -> node.getStyleClass().contains("error"))).isEmpty();
        assertThat(ui.buttonByAccessibleText("Sign in to mock").isDisabled()).isFalse();
        assertThat(context.sessions().current("mock")).isEmpty();
    }

    @Test
    void withoutABrowserTheUrlIsShownToOpenByHand(FxRobot robot) {
        browserOpens = false;
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText("Sign in to mock"));

        waitUntil(() -> ui.labelShowing(ManualUrlBox.PROMPT));
        Node url = ui.findShowing(node -> node instanceof TextField).orElseThrow();
        assertThat(((TextField) url).getText()).startsWith(mock.issuerUrl() + "/authorize?");
        assertThat(((TextField) url).isEditable()).isFalse();
        assertThat(ui.buttonByText("Copy URL")).isNotNull();

        ui.click(ui.buttonByAccessibleText("Cancel the sign-in to mock"));
        waitUntil(() -> !ui.labelShowing(ManualUrlBox.PROMPT));
    }

    @Test
    void anUnreachableIssuerShowsWhatToDoInline(FxRobot robot) {
        WindowRobot ui = new WindowRobot(robot);
        ui.click(ui.buttonByAccessibleText("Sign in to down"));

        waitUntil(() -> ui.findShowing(node -> node.getStyleClass().contains("error")).isPresent());
        assertThat(ui.labelShowing("Not signed in")).isTrue();
        assertThat(ui.buttonByAccessibleText("Sign in to down").isDisabled()).isFalse();
    }
}
