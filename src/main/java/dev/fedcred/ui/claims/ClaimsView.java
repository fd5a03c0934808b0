package dev.fedcred.ui.claims;

import atlantafx.base.theme.Styles;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.Confirmation;
import dev.fedcred.ui.fx.ConfirmationAlert;
import dev.fedcred.ui.fx.Icons;
import dev.fedcred.ui.fx.LocalLayoutSlot;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.Shortcut;
import dev.fedcred.ui.fx.Ticker;
import dev.fedcred.ui.fx.TimeText;
import dev.fedcred.ui.fx.UserMessages;
import dev.fedcred.ui.issuers.SignInStatus;
import dev.fedcred.ui.state.WindowState;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The verified ID token of one issuer, decoded: JOSE header, claims, what was verified and how
 * long it stays valid. Shows decoded values only; the raw token never appears here.
 */
public final class ClaimsView extends StackPane {
    public static final String PLACEHOLDER = "Sign in to see the claims of your verified ID token here.";
    public static final String COPY_RAW_TOKEN = "Copy raw token…";
    static final ButtonType SIGN_OUT = new ButtonType("Sign out", ButtonBar.ButtonData.OK_DONE);
    static final String ALSO_REMOVE_FILES = "Also remove the AWS profiles and Google ADC files fedcred wrote for its"
            + " targets (never ones it did not write); otherwise they work until they expire";

    private final FedcredContext context;
    private final BackgroundWork work;
    private final WindowState state;
    private final Ticker ticker;
    private final ZoneId zone;
    private final RawTokenCopy rawTokenCopy;
    private final Consumer<List<String>> signedOut;
    private Alert signOutQuestion;

    private final Label title = new Label();
    private final Label who = new Label();
    private final Label countdown = new Label();
    private final Label verification = new Label();
    private final GridPane header = new GridPane();
    /** The rows the header grid shows. */
    private List<ClaimRow> headerShown = List.of();
    private final TableView<ClaimRow> claims = new TableView<>();
    private final Button signOut = new Button("Sign out");
    private final Button copyRawToken = new Button(COPY_RAW_TOKEN);
    private final Label error = new Label();
    private final Label notice = new Label();
    private final VBox content;
    private final Label placeholder = new Label(PLACEHOLDER);

    /**
     * @param signedOut told on the FX thread after a sign-out, with what became of the files fedcred
     *                  wrote for the issuer's targets (empty when the user kept them)
     */
    public ClaimsView(FedcredContext context, BackgroundWork work, WindowState state, Ticker ticker, ZoneId zone,
               RawTokenCopy rawTokenCopy, Consumer<List<String>> signedOut) {
        this.context = context;
        this.signedOut = signedOut;
        this.rawTokenCopy = rawTokenCopy;
        this.work = work;
        this.state = state;
        this.ticker = ticker;
        this.zone = zone;
        getStyleClass().add("claims-view");

        title.setId("claims-title");
        title.getStyleClass().add("claims-title");
        title.setMinWidth(0);
        who.getStyleClass().add("who");
        countdown.setId("expiry-countdown");
        countdown.getStyleClass().add("countdown");
        // the countdown and Sign out must stay readable; a long issuer name gives way instead
        countdown.setMinWidth(Region.USE_PREF_SIZE);
        signOut.setMinWidth(Region.USE_PREF_SIZE);
        countdown.textProperty().bind(Bindings.createStringBinding(this::countdownText,
                ticker.nowProperty(), state.shownIssuerProperty(), state.tokens()));
        countdown.accessibleTextProperty().bind(Bindings.createStringBinding(this::countdownSpoken,
                ticker.nowProperty(), state.shownIssuerProperty(), state.tokens()));
        Icons.SIGN_OUT.on(signOut);
        signOut.getStyleClass().add(Styles.BUTTON_OUTLINED);
        signOut.setOnAction(event -> signOut());
        Icons.COPY.on(copyRawToken);
        copyRawToken.setMinWidth(Region.USE_PREF_SIZE);
        copyRawToken.getStyleClass().add(Styles.BUTTON_OUTLINED);
        copyRawToken.setAccessibleText("Copy the raw ID token, after a warning");
        Shortcut.COPY_ID_TOKEN.showOn(copyRawToken);
        copyRawToken.setOnAction(event -> copyRawToken());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, title, spacer, new LocalLayoutSlot(countdown));
        top.setAlignment(Pos.CENTER_LEFT);

        verification.getStyleClass().add("verified");
        Nodes.wrapFully(verification);
        Nodes.wrapFully(who);
        error.getStyleClass().add("error");
        Nodes.wrapFully(error);
        notice.getStyleClass().add("notice");
        notice.setId("claims-notice");
        Nodes.wrapFully(notice);
        header.getStyleClass().add("jose-header");
        header.setHgap(16);
        header.setVgap(4);
        configureClaimsTable();
        VBox.setVgrow(claims, Priority.ALWAYS);

        // who is signed in, and what to do with that sign-in, under the title and its countdown
        who.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(who, Priority.ALWAYS);
        HBox signedIn = new HBox(8, who, copyRawToken, signOut);
        signedIn.setAlignment(Pos.CENTER_LEFT);
        content = new VBox(10, new VBox(4, top, signedIn), verification, error, notice, section("JOSE header"), header,
                section("ID token claims"), claims);
        content.getStyleClass().add("claims-content");
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        getChildren().addAll(placeholder, content);

        state.shownIssuerProperty().addListener((observable, before, shown) -> render());
        state.tokens().addListener((MapChangeListener<String, TokenSet>) change -> {
            if (change.getKey().equals(state.shownIssuerProperty().get())) {
                render();
            }
        });
        render();
    }

    private void render() {
        Optional<TokenSet> shown = state.shownTokens();
        content.setVisible(shown.isPresent());
        placeholder.setVisible(shown.isEmpty());
        Nodes.hide(error);
        Nodes.hide(notice);
        signOut.setDisable(false);
        shown.ifPresent(this::render);
    }

    private void render(TokenSet tokens) {
        String label = context.issuers().sandbox().name().equals(tokens.issuerName())
                ? context.issuers().sandbox().label() : tokens.issuerName();
        title.setText(OutsideText.neutralise(label));
        who.setText("Signed in as " + SignInStatus.who(tokens));
        signOut.setAccessibleText("Sign out of " + tokens.issuerName());
        verification.setText("✔ Signature verified with the issuer's key; iss, aud, azp, exp, iat and nonce checked at "
                + TimeText.local(tokens.verifiedAt(), zone));
        showHeader(ClaimRows.header(tokens.header()));
        List<ClaimRow> claimRows = ClaimRows.claims(tokens.claims(), zone);
        if (!claims.getItems().equals(claimRows)) {
            claims.setItems(FXCollections.observableList(claimRows));
        }
    }

    /** The JOSE header's rows; a renewed token's header is mostly the one shown, and its labels stay. */
    private void showHeader(List<ClaimRow> headerRows) {
        if (headerRows.equals(headerShown)) {
            return;
        }
        headerShown = headerRows;
        header.getChildren().clear();
        for (int row = 0; row < headerRows.size(); row++) {
            Label name = new Label(headerRows.get(row).name());
            name.getStyleClass().add("header-name");
            header.addRow(row, name, new Label(headerRows.get(row).value()));
        }
    }

    private String countdownText() {
        return state.shownTokens()
                .map(tokens -> tokens.isExpired(ticker.now()) ? SignInStatus.EXPIRED
                        : "Expires in " + TimeText.hoursMinutesSeconds(tokens.timeLeft(ticker.now())))
                .orElse("");
    }

    /** "ID token expires in 42 minutes": what a screen reader says instead of ticking seconds. */
    private String countdownSpoken() {
        return state.shownTokens()
                .map(tokens -> tokens.isExpired(ticker.now()) ? "ID token expired"
                        : "ID token expires in " + TimeText.spoken(tokens.timeLeft(ticker.now())))
                .orElse("");
    }

    /** Copies the shown issuer's raw ID token after the warning; nothing to copy while no one is signed in. */
    public void copyRawToken() {
        Optional<TokenSet> shown = state.shownTokens();
        if (shown.isEmpty() || shown.get().isExpired(ticker.now())) {
            return;
        }
        rawTokenCopy.ask(shown.get(), getScene() == null ? null : getScene().getWindow(), copied -> {
            Nodes.hide(error);
            notice.setText(copied);
            Nodes.show(notice);
        });
    }

    /**
     * Asks first: signing out forgets the tokens and the credentials cached for the issuer's targets,
     * and a check box offers to remove the profiles and ADC files fedcred wrote for them as well.
     */
    private void signOut() {
        String issuerName = state.shownIssuerProperty().get();
        if (issuerName == null) {
            return;
        }
        CheckBox alsoFiles = new CheckBox(ALSO_REMOVE_FILES);
        alsoFiles.setWrapText(true);
        alsoFiles.setAccessibleText("Also remove the credentials fedcred wrote for the targets of " + issuerName);
        Confirmation question = new Confirmation("Sign out", "Sign out of " + issuerName
                + "? fedcred forgets its tokens and the credentials it keeps for its targets, so nothing hands them"
                + " out until you sign in again.", SIGN_OUT, "Confirm signing out of " + issuerName,
                "Stay signed in to " + issuerName);
        if (signOutQuestion != null) {
            signOutQuestion.close();
        }
        signOutQuestion = ConfirmationAlert.show(question, getScene() == null ? null : getScene().getWindow(),
                () -> signOut(issuerName, alsoFiles.isSelected()), () -> { }, alsoFiles);
    }

    private void signOut(String issuerName, boolean removeWritten) {
        signOut.setDisable(true);
        work.run(() -> context.signOut().signOut(issuerName, removeWritten),
                result -> {
                    state.signedOut(issuerName);
                    signedOut.accept(result.removed());
                },
                failure -> {
                    signOut.setDisable(false);
                    error.setText(UserMessages.of(failure));
                    Nodes.show(error);
                });
    }

    private void configureClaimsTable() {
        claims.setId("claims-table");
        claims.getColumns().add(column("Claim", ClaimRow::name, 140));
        claims.getColumns().add(column("Value", ClaimRow::value, 420));
        claims.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        claims.setPlaceholder(new Label("No claims"));
    }

    private static TableColumn<ClaimRow, String> column(String name, Function<ClaimRow, String> value, double width) {
        TableColumn<ClaimRow, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    /** A VBox squeezes a wrapping label to one truncated line unless it may keep its full height. */

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section");
        return label;
    }
}
