package dev.fedcred.ui.app;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.settings.Appearance;
import dev.fedcred.core.status.LiveStatus;
import dev.fedcred.ui.claims.ClaimsView;
import dev.fedcred.ui.claims.RawTokenCopy;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.issuers.DeviceSignInDialog;
import dev.fedcred.ui.fx.Confirmation;
import dev.fedcred.ui.fx.ConfirmationAlert;
import dev.fedcred.ui.fx.FilePicker;
import dev.fedcred.ui.fx.Icons;
import dev.fedcred.ui.fx.ModelWork;
import dev.fedcred.ui.fx.Resources;
import dev.fedcred.ui.fx.Shortcut;
import dev.fedcred.ui.fx.Ticker;
import dev.fedcred.ui.fx.WindowTheme;
import dev.fedcred.ui.issuers.IssuerDialog;
import dev.fedcred.ui.issuers.IssuerRow;
import dev.fedcred.ui.issuers.IssuerList;
import dev.fedcred.ui.issuers.SandboxStarter;
import dev.fedcred.ui.firstrun.ConnectCloudDialog;
import dev.fedcred.ui.firstrun.ConnectCloudModel;
import dev.fedcred.ui.preferences.AppearanceSection;
import dev.fedcred.ui.preferences.KeychainNotice;
import dev.fedcred.ui.preferences.KeychainPreference;
import dev.fedcred.ui.preferences.PreferencesDialog;
import dev.fedcred.ui.renewal.RenewalNotice;
import dev.fedcred.ui.renewal.RenewerLine;
import dev.fedcred.ui.state.DesktopState;
import dev.fedcred.ui.state.WindowState;
import dev.fedcred.ui.targets.TargetList;
import java.util.function.Consumer;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The desktop window's content, built from its collaborators so tests can show it in their own
 * stage without {@code Application.launch}. It builds the rooms' nodes and draws its
 * {@link MainWindowModel}; the issuer rows draw their own models. Call {@link #close()} when the
 * window goes away.
 */
public final class MainWindow implements AutoCloseable {
    public static final String TITLE = "fedcred";
    static final String ADD_ISSUER = "Add issuer";
    static final String READ_SETTINGS_AGAIN = "Read settings again";

    private final FedcredContext context;
    private final BackgroundWork work = new BackgroundWork();
    private final WindowState state = new WindowState();
    private final DesktopState desktop;
    private final Ticker ticker;
    private final MainWindowModel model;
    private final IssuerRow.Actions rowActions = new IssuerRow.Actions() {
        @Override
        public void edit(IssuerConfig issuer) {
            openDialog(IssuerDialog.edit(owner(), context, work, issuer, model.issuerNames(), saved -> refresh(),
                    MainWindow.this::refresh));
        }

        @Override
        public void confirm(Confirmation question, Runnable onConfirm, Runnable onCancel) {
            if (confirmation != null) {
                confirmation.close();
            }
            confirmation = ConfirmationAlert.show(question, owner(), onConfirm, onCancel);
        }

        @Override
        public void signInWithCode(IssuerConfig issuer, Consumer<TokenSet> onSignedIn) {
            DeviceSignInDialog.open(owner(), context, work, ticker, issuer, onSignedIn);
        }
    };

    private final BorderPane content = new BorderPane();
    /**
     * The scene's root: the content, and over it the layer of the window's corner notices, which
     * {@link dev.fedcred.ui.fx.WindowNotices} adds with the first notice.
     */
    private final StackPane root = new StackPane(content);
    private final IssuerList issuerList;
    private final TargetList targetList;
    private final RenewalNotice renewalNotice;
    private final WindowTop top;
    private final WindowTheme theme;
    private final RawTokenCopy rawTokenCopy;
    private final ClaimsView claimsView;
    private PreferencesDialog preferences;
    /** What Ctrl+Q does; the app puts its own quit here (the tray icon goes first). */
    private Runnable quit = Platform::exit;
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
        this.desktop = new DesktopState(context);
        this.ticker = desktop.ticker();
        this.model = new MainWindowModel(context, Objects.requireNonNull(sandbox, "sandbox"),
                ModelWork.onFxThread(work), state, desktop::refresh);
        this.renewalNotice = new RenewalNotice(model::signIn);
        this.theme = new WindowTheme(hooks.colorScheme(), work);
        theme.useLightForNow();
        work.run(model::savedAppearance, theme::apply, failure -> theme.apply(Appearance.SYSTEM));
        content.getStyleClass().add("main-window");
        content.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Resources.STYLESHEET)).toExternalForm());

        RenewerLine renewer = new RenewerLine();
        desktop.onRenewer(renewer::show);
        top = new WindowTop(this::openPreferences, this::refresh, model::signInToSandbox,
                () -> ConnectCloudDialog.open(root.getScene() == null ? null : root.getScene().getWindow(),
                        new ConnectCloudModel(context, ModelWork.onFxThread(work), sandbox, desktop::refresh)),
                renewer, renewalNotice,
                new KeychainNotice(context.keychain().vault()));
        content.setTop(top);

        issuerList = new IssuerList(ticker, rowActions);
        targetList = new TargetList(context, work, state, desktop, ZoneId.systemDefault(), hooks.filePicker(),
                model::signIn);
        // issuers, then the targets they sign in for, in one column that scrolls as a whole
        ScrollPane issuers = new ScrollPane(new VBox(4, issuerList, targetList));
        issuers.setFitToWidth(true);
        // wide enough for a target's three buttons side by side; long paths wrap instead of scrolling sideways
        issuers.setPrefViewportWidth(470);
        issuers.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        issuers.getStyleClass().add("issuer-scroll");
        VBox.setVgrow(issuers, Priority.ALWAYS);
        content.setLeft(new VBox(issuerListHeader(), issuers));
        rawTokenCopy = new RawTokenCopy(hooks.clipboard(), hooks.clipboardClearAfter(), hooks.clipboardTimer(),
                ZoneId.systemDefault());
        claimsView = new ClaimsView(context, work, state, ticker, ZoneId.systemDefault(), rawTokenCopy, this::signedOut);
        content.setCenter(claimsView);

        model.onChange(this::show);
        desktop.snapshotProperty().addListener((observable, before, snapshot) -> model.show(snapshot));
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
        EmptyWindow.show(stage);
        fillIn(stage);
    }

    /** Puts the content into a stage that {@link EmptyWindow} shows: the icons, the rooms and the shortcuts. FX thread. */
    public void fillIn(Stage stage) {
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(Objects.requireNonNull(
                    getClass().getResource(Resources.ICONS + "fedcred-" + size + ".png")).toExternalForm()));
        }
        Scene scene = stage.getScene();
        scene.setRoot(root);
        installShortcuts(scene);
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
        model.close();
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
        Button addIssuer = new Button(ADD_ISSUER + "…");
        addIssuer.setAccessibleText(ADD_ISSUER);
        addIssuer.setMinWidth(Region.USE_PREF_SIZE);
        Icons.ADD.on(addIssuer);
        Shortcut.ADD_ISSUER.showOn(addIssuer);
        addIssuer.setOnAction(event -> addIssuer());
        HBox header = new HBox(8, title, WindowTop.spacer(), addIssuer);
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

    /** A target row (or the tray) asks for the sign-in its credentials need: the issuer's own row runs it. */
    void signIn(String issuerName) {
        model.signIn(issuerName);
    }

    /** Draws the model: called after each of its changes. */
    private void show() {
        top.show(model.loadProblem(), model.welcome(), model.connectOffered());
        issuerList.show(model.rows());
    }

    private void addIssuer() {
        openDialog(IssuerDialog.add(owner(), context, work, model.issuerNames(), saved -> refresh(), this::refresh));
    }

    private void openDialog(IssuerDialog next) {
        if (dialog != null) {
            dialog.close();
        }
        dialog = next;
        dialog.show();
    }

    private Window owner() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
