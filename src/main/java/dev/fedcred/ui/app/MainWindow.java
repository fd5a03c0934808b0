package dev.fedcred.ui.app;

import atlantafx.base.theme.Styles;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.settings.Appearance;
import dev.fedcred.core.settings.SettingsFileException;
import dev.fedcred.core.status.LiveStatus;
import dev.fedcred.core.status.StatusSnapshot;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.ui.claims.ClaimsView;
import dev.fedcred.ui.claims.RawTokenCopy;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.FilePicker;
import dev.fedcred.ui.fx.Icons;
import dev.fedcred.ui.fx.Resources;
import dev.fedcred.ui.fx.Shortcut;
import dev.fedcred.ui.fx.Ticker;
import dev.fedcred.ui.fx.WindowTheme;
import dev.fedcred.ui.issuers.IssuerDialog;
import dev.fedcred.ui.issuers.IssuerRow;
import dev.fedcred.ui.issuers.SandboxStarter;
import dev.fedcred.ui.preferences.AppearanceSection;
import dev.fedcred.ui.preferences.KeychainNotice;
import dev.fedcred.ui.preferences.KeychainPreference;
import dev.fedcred.ui.preferences.PreferencesDialog;
import dev.fedcred.ui.renewal.RenewalNotice;
import dev.fedcred.ui.state.DesktopState;
import dev.fedcred.ui.state.WindowState;
import dev.fedcred.ui.targets.TargetList;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The desktop window's content, built from its collaborators so tests can show it in their own
 * stage without {@code Application.launch}. Call {@link #close()} when the window goes away.
 */
public final class MainWindow implements AutoCloseable {
    public static final String TITLE = "fedcred";
    static final String ADD_ISSUER = "Add issuer";
    static final String READ_SETTINGS_AGAIN = "Read settings again";
    static final ButtonType REMOVE = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);

    private final FedcredContext context;
    private final SandboxStarter sandbox;
    private final BackgroundWork work = new BackgroundWork();
    private final WindowState state = new WindowState();
    private final DesktopState desktop;
    private final Ticker ticker;
    /** The rows shown, by issuer name, in the list's order. FX thread only. */
    private final Map<String, IssuerRow> rows = new LinkedHashMap<>();
    private final IssuerRow.Actions rowActions = new IssuerRow.Actions() {
        @Override
        public void edit(IssuerConfig issuer) {
            editIssuer(issuer);
        }

        @Override
        public void remove(IssuerConfig issuer) {
            confirmRemove(issuer);
        }
    };

    private final BorderPane root = new BorderPane();
    private final VBox issuerList = new VBox(10);
    private final TargetList targetList;
    private final RenewalNotice renewalNotice = new RenewalNotice(this::signIn);
    private final VBox top = new VBox(10);
    private final Label loadError = new Label();
    private final HBox loadProblem;
    private final Button addIssuer = new Button(ADD_ISSUER + "…");
    private final Button preferencesButton = new Button();
    private final WindowTheme theme;
    private final RawTokenCopy rawTokenCopy;
    private final ClaimsView claimsView;
    private WelcomeBanner banner;
    private PreferencesDialog preferences;
    /** What Ctrl+Q does; the app puts its own quit here (the tray icon goes first). */
    private Runnable quit = Platform::exit;
    private boolean loaded;
    private IssuerDialog dialog;
    private Alert confirmation;

    public MainWindow(FedcredContext context, SandboxStarter sandbox) {
        this(context, sandbox, DesktopHooks.system());
    }

    /** @param picker asks for files (the ADC file of a GCP target); tests answer it themselves */
    MainWindow(FedcredContext context, SandboxStarter sandbox, FilePicker picker) {
        this(context, sandbox, DesktopHooks.system().withFilePicker(picker));
    }

    MainWindow(FedcredContext context, SandboxStarter sandbox, DesktopHooks hooks) {
        this.context = Objects.requireNonNull(context, "context");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.desktop = new DesktopState(context);
        this.ticker = desktop.ticker();
        this.theme = new WindowTheme(hooks.colorScheme(), work);
        theme.useLightForNow();
        work.run(this::readAppearance, theme::apply, failure -> theme.apply(Appearance.SYSTEM));
        root.getStyleClass().add("main-window");
        root.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Resources.STYLESHEET)).toExternalForm());

        Label heading = new Label(TITLE);
        heading.getStyleClass().add("app-title");
        Label tagline = new Label("Sign in once with OpenID Connect, see exactly what your ID token says, and turn it into"
                + " short-lived cloud credentials.");
        tagline.getStyleClass().add("tagline");
        loadError.getStyleClass().add("error");
        loadError.setId("load-error");
        loadError.setWrapText(true);
        loadError.setMinHeight(Region.USE_PREF_SIZE);
        loadError.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(loadError, Priority.ALWAYS);
        Button readAgain = new Button(READ_SETTINGS_AGAIN);
        readAgain.setMinWidth(Region.USE_PREF_SIZE);
        Shortcut.READ_SETTINGS_AGAIN.showOn(readAgain);
        readAgain.setOnAction(event -> refresh());
        loadProblem = new HBox(10, loadError, readAgain);
        loadProblem.setAlignment(Pos.CENTER_LEFT);
        showLoadProblem(null);
        preferencesButton.setAccessibleText(PreferencesDialog.TITLE);
        Icons.PREFERENCES.on(preferencesButton);
        preferencesButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Shortcut.PREFERENCES.showOn(preferencesButton);
        preferencesButton.setOnAction(event -> openPreferences());
        Region headerSpacer = new Region();
        HBox.setHgrow(headerSpacer, Priority.ALWAYS);
        HBox header = new HBox(12, new VBox(2, heading, tagline), headerSpacer, preferencesButton);
        header.setAlignment(Pos.TOP_LEFT);
        top.getChildren().addAll(header, loadProblem, renewalNotice, new KeychainNotice(context.keychain().vault()));
        top.getStyleClass().add("top");
        root.setTop(top);

        issuerList.getStyleClass().add("issuer-list");
        issuerList.getChildren().add(new Label("Loading issuers…"));
        targetList = new TargetList(context, work, state, desktop, ZoneId.systemDefault(), hooks.filePicker(),
                this::signIn);
        // issuers, then the targets they sign in for, in one column that scrolls as a whole
        ScrollPane issuers = new ScrollPane(new VBox(4, issuerList, targetList));
        issuers.setFitToWidth(true);
        // wide enough for a target's three buttons side by side; long paths wrap instead of scrolling sideways
        issuers.setPrefViewportWidth(470);
        issuers.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        issuers.getStyleClass().add("issuer-scroll");
        VBox.setVgrow(issuers, Priority.ALWAYS);
        root.setLeft(new VBox(issuerListHeader(), issuers));
        rawTokenCopy = new RawTokenCopy(hooks.clipboard(), hooks.clipboardClearAfter(), ZoneId.systemDefault());
        claimsView = new ClaimsView(context, work, state, ticker, ZoneId.systemDefault(), rawTokenCopy, this::signedOut);
        root.setCenter(claimsView);

        desktop.snapshotProperty().addListener((observable, before, snapshot) -> showConfiguration(snapshot));
        desktop.onRenewal(renewalNotice::show);
        desktop.start();
    }

    /** Runs a renewal check at once, as the half-minute schedule does. */
    void renewNow() {
        desktop.renewNow();
    }

    /** The state the window shows; the tray listens to the same. */
    public LiveStatus liveStatus() {
        return desktop.live();
    }

    /** The targets' rows show what the sign-out forgot and removed, and say what became of the files. */
    private void signedOut(List<String> removed) {
        if (!removed.isEmpty()) {
            targetList.showNotice(String.join(" ", removed));
        }
        refresh();
    }

    public Parent root() {
        return root;
    }

    /** Puts the window into {@code stage}, titled and sized, and shows it. */
    public void show(Stage stage) {
        stage.setTitle(TITLE);
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    getClass().getResource(Resources.ICONS + "fedcred-" + size + ".png")).toExternalForm()));
        }
        Scene scene = new Scene(root, 1120, 720);
        installShortcuts(scene);
        stage.setScene(scene);
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.show();
    }

    private void installShortcuts(Scene scene) {
        Map<Shortcut, Runnable> actions = new EnumMap<>(Shortcut.class);
        actions.put(Shortcut.ADD_ISSUER, this::addIssuer);
        actions.put(Shortcut.RENEW_NOW, this::renewNow);
        actions.put(Shortcut.READ_SETTINGS_AGAIN, this::refresh);
        actions.put(Shortcut.PREFERENCES, this::openPreferences);
        actions.put(Shortcut.COPY_ID_TOKEN, claimsView::copyRawToken);
        actions.put(Shortcut.CLOSE_WINDOW, this::closeWindow);
        actions.put(Shortcut.QUIT, () -> quit.run());
        actions.forEach((shortcut, action) -> scene.getAccelerators().put(shortcut.keys(), action));
    }

    /** Ctrl+Q runs {@code action} instead of a bare {@link Platform#exit()}. FX thread. */
    public void onQuit(Runnable action) {
        quit = Objects.requireNonNull(action, "action");
    }

    /** As the window's close button: whoever handles a close request (the tray, say) still decides. */
    private void closeWindow() {
        Window window = owner();
        if (window != null) {
            window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
        }
    }

    private Appearance readAppearance() {
        try {
            return context.settings().load().appearance();
        } catch (SettingsFileException unreadable) {
            // the load problem shows at the top of the window; the look need not wait for a fix
            return Appearance.SYSTEM;
        }
    }

    private void openPreferences() {
        if (preferences != null && preferences.isShowing()) {
            preferences.show();
            return;
        }
        preferences = new PreferencesDialog(owner())
                .add(AppearanceSection.HEADING, new AppearanceSection(context, work, theme))
                .add("Refresh tokens", new KeychainPreference(context.keychain(), work));
        preferences.show();
    }

    /** Stops the countdown and any sign-in still waiting for the browser. */
    @Override
    public void close() {
        desktop.close();
        if (Platform.isFxApplicationThread()) {
            closeOnFxThread();
        } else {
            Platform.runLater(this::closeOnFxThread);
        }
        work.close();
    }

    private void closeOnFxThread() {
        rows.values().forEach(IssuerRow::cancel);
        if (dialog != null) {
            dialog.close();
        }
        if (confirmation != null) {
            confirmation.close();
        }
        if (preferences != null) {
            preferences.close();
        }
        rawTokenCopy.close();
        targetList.close();
    }

    private HBox issuerListHeader() {
        Label title = new Label("Issuers");
        title.getStyleClass().add("list-title");
        addIssuer.setAccessibleText(ADD_ISSUER);
        addIssuer.setMinWidth(Region.USE_PREF_SIZE);
        Icons.ADD.on(addIssuer);
        Shortcut.ADD_ISSUER.showOn(addIssuer);
        addIssuer.setOnAction(event -> addIssuer());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, spacer, addIssuer);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("issuer-list-header");
        return header;
    }

    /**
     * Reads the settings and every state file again, off the FX thread; the window shows them when
     * the read is in. Changes made by another process show without this: fedcred watches its files.
     */
    void refresh() {
        desktop.refresh();
    }

    /** A settings file that does not parse leaves the sandbox usable and says which file and where. */
    private void showConfiguration(StatusSnapshot snapshot) {
        List<IssuerConfig> issuers = snapshot.issuers().stream().map(StatusSnapshot.IssuerStatus::issuer).toList();
        Map<String, TokenSet> tokens = new HashMap<>();
        snapshot.issuers().forEach(status -> status.tokens().ifPresent(set -> tokens.put(status.issuer().name(), set)));
        boolean hasUserIssuers = issuers.stream().anyMatch(issuer -> !issuer.isSandbox());
        Set<String> names = issuers.stream().map(IssuerConfig::name).collect(Collectors.toSet());
        if (loaded) {
            state.reloaded(names, tokens);
        } else {
            Instant now = context.clock().instant();
            // open the most recent sign-in that is still valid; an expired one only shows in its row
            String show = tokens.values().stream()
                    .filter(set -> !set.isExpired(now))
                    .max(Comparator.comparing(TokenSet::verifiedAt))
                    .map(TokenSet::issuerName)
                    .orElse(null);
            state.loaded(tokens, show);
        }
        showLoadProblem(snapshot.settingsProblem());
        showRows(issuers);

        if (!loaded && !hasUserIssuers && tokens.isEmpty() && snapshot.settingsProblem() == null) {
            showWelcome();
        } else if (banner != null && hasUserIssuers) {
            banner.dismiss();
        }
        loaded = true;
    }

    /** Keeps the row of an issuer that did not change, so a sign-in waiting there goes on. */
    private void showRows(List<IssuerConfig> issuers) {
        Map<String, IssuerRow> before = new LinkedHashMap<>(rows);
        rows.clear();
        issuerList.getChildren().clear();
        for (IssuerConfig issuer : issuers) {
            IssuerRow row = before.remove(issuer.name());
            if (row == null || !row.issuer().equals(issuer)) {
                if (row != null) {
                    row.dispose();
                }
                row = new IssuerRow(context, sandbox, work, state, ticker, issuer, rowActions);
            }
            rows.put(issuer.name(), row);
            issuerList.getChildren().add(row);
        }
        before.values().forEach(IssuerRow::dispose);
    }

    private void showLoadProblem(String message) {
        // the settings file's problem may quote the file
        loadError.setText(message == null ? "" : OutsideText.neutraliseKeepingLineBreaks(message));
        loadProblem.setVisible(message != null);
        loadProblem.setManaged(message != null);
    }

    private void showWelcome() {
        banner = new WelcomeBanner(this::signInToSandbox);
        top.getChildren().add(banner);
        WelcomeBanner shown = banner;
        state.tokens().addListener((MapChangeListener<String, TokenSet>) change -> {
            if (change.wasAdded()) {
                shown.dismiss();
            }
        });
    }

    /** A target row (or the tray) asks for the sign-in its credentials need: the issuer's own row runs it. */
    void signIn(String issuerName) {
        IssuerRow row = rows.get(issuerName);
        if (row != null) {
            row.signIn();
        }
    }

    private void signInToSandbox() {
        rows.values().stream().filter(row -> row.issuer().isSandbox()).findFirst().ifPresent(IssuerRow::signIn);
    }

    private void addIssuer() {
        openDialog(IssuerDialog.add(owner(), context, work, rows.keySet(), saved -> refresh(), this::refresh));
    }

    private void editIssuer(IssuerConfig issuer) {
        openDialog(IssuerDialog.edit(owner(), context, work, issuer, rows.keySet(), saved -> refresh(),
                this::refresh));
    }

    private void openDialog(IssuerDialog next) {
        if (dialog != null) {
            dialog.close();
        }
        dialog = next;
        dialog.show();
    }

    private void confirmRemove(IssuerConfig issuer) {
        if (confirmation != null) {
            confirmation.close();
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Remove issuer " + issuer.name() + "? Its saved sign-in is forgotten.", REMOVE, ButtonType.CANCEL);
        alert.setTitle("Remove issuer");
        alert.setHeaderText(null);
        alert.getDialogPane().getStylesheets().add(
                Objects.requireNonNull(getClass().getResource(Resources.STYLESHEET)).toExternalForm());
        alert.getDialogPane().lookupButton(REMOVE).setAccessibleText("Remove issuer " + issuer.name());
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setAccessibleText("Keep issuer " + issuer.name());
        Window owner = owner();
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.resultProperty().addListener((observable, before, result) -> {
            if (result == REMOVE) {
                remove(issuer);
            }
        });
        confirmation = alert;
        alert.show();
    }

    private void remove(IssuerConfig issuer) {
        IssuerRow row = rows.get(issuer.name());
        if (row != null) {
            row.removing(true);
        }
        work.run(() -> {
            context.issuerEditor().remove(issuer.name());
            return issuer;
        }, removed -> refresh(), failure -> {
            if (row != null) {
                row.removing(false);
                row.showError(failure);
            }
        });
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
