package dev.fedcred.ui.renewal;

import dev.fedcred.core.renewal.RenewalOutcome;
import dev.fedcred.core.session.SignInRequiredException;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.WindowNotices;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Says when automatic renewal could not renew a session, ahead of its expiry; when only a
 * browser sign-in helps, it offers that sign-in in one click. The notice stays in the window until
 * the next check renews; a short notice at the window's corner ({@link WindowNotices}) tells of
 * each renewal and draws the eye to a failure.
 */
public final class RenewalNotice extends HBox {
    public static final String SIGN_IN = "Sign in again";
    public static final String RENEWED = "Renewed";
    public static final String NOT_RENEWED = "Renewal failed";

    private final Label text = new Label();
    private final Button signIn = new Button(SIGN_IN);
    private final Consumer<String> startSignIn;
    private String issuerToSignIn;

    public RenewalNotice(Consumer<String> startSignIn) {
        super(12);
        this.startSignIn = startSignIn;
        getStyleClass().add("renewal-notice");
        setAlignment(Pos.CENTER_LEFT);
        text.setId("renewal-notice");
        Nodes.wrapFully(text);
        HBox.setHgrow(text, Priority.ALWAYS);
        signIn.setMinWidth(Button.USE_PREF_SIZE);
        signIn.setOnAction(event -> {
            Nodes.hide(this);
            startSignIn.accept(issuerToSignIn);
        });
        getChildren().addAll(text, signIn);
        Nodes.hide(this);
    }

    /** Shows the failures among {@code outcomes}, or hides the notice when everything renewed. */
    public void show(List<RenewalOutcome> outcomes) {
        List<RenewalOutcome> renewed = outcomes.stream().filter(RenewalOutcome::succeeded).toList();
        if (!renewed.isEmpty()) {
            WindowNotices.inform(this, RENEWED, names(renewed) + ": new credentials written.");
        }
        List<RenewalOutcome> failed = outcomes.stream().filter(outcome -> !outcome.succeeded()).toList();
        if (failed.isEmpty()) {
            Nodes.hide(this);
            return;
        }
        RenewalOutcome first = failed.get(0);
        String names = names(failed);
        // the notice at the top says why and keeps the way out; the corner notice only points there
        WindowNotices.warn(this, NOT_RENEWED, names + ": see the notice at the top of the window.");
        text.setText("Could not renew " + names + " before it expires: "
                + OutsideText.neutraliseKeepingLineBreaks(first.failure().getMessage()));
        issuerToSignIn = first.failure() instanceof SignInRequiredException required ? required.issuerName() : null;
        boolean offerSignIn = first.needsBrowserSignIn() && issuerToSignIn != null;
        signIn.setVisible(offerSignIn);
        signIn.setManaged(offerSignIn);
        signIn.setAccessibleText(offerSignIn ? SIGN_IN + " to " + issuerToSignIn : null);
        Nodes.show(this);
    }

    private static String names(List<RenewalOutcome> outcomes) {
        return String.join(", ", outcomes.stream().map(RenewalOutcome::name).toList());
    }
}
