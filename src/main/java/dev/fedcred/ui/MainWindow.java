package dev.fedcred.ui;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.collections.MapChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop window's content, built from its collaborators so tests can show it in their own
 * stage without {@code Application.launch}. Call {@link #close()} when the window goes away.
 */
public final class MainWindow implements AutoCloseable {
    public static final String TITLE = "fedcred";
    static final String STYLESHEET = "/dev/fedcred/ui/fedcred.css";

    private final FedcredContext context;
    private final SandboxStarter sandbox;
    private final BackgroundWork work = new BackgroundWork();
    private final WindowState state = new WindowState();
    private final Ticker ticker;
    private final List<IssuerRow> rows = new ArrayList<>();

    private final BorderPane root = new BorderPane();
    private final VBox issuerList = new VBox(10);
    private final VBox top = new VBox(10);
    private final Label loadError = new Label();

    public MainWindow(FedcredContext context, SandboxStarter sandbox) {
        this.context = Objects.requireNonNull(context, "context");
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.ticker = new Ticker(context.clock());
        root.getStyleClass().add("main-window");
        root.getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET)).toExternalForm());

        Label heading = new Label(TITLE);
        heading.getStyleClass().add("app-title");
        Label tagline = new Label("Sign in once with OpenID Connect and see exactly what your ID token says.");
        tagline.getStyleClass().add("tagline");
        loadError.getStyleClass().add("error");
        loadError.setWrapText(true);
        loadError.setVisible(false);
        loadError.setManaged(false);
        top.getChildren().addAll(new VBox(2, heading, tagline), loadError);
        top.getStyleClass().add("top");
        root.setTop(top);

        issuerList.getStyleClass().add("issuer-list");
        issuerList.getChildren().add(new Label("Loading issuers…"));
        ScrollPane issuers = new ScrollPane(issuerList);
        issuers.setFitToWidth(true);
        issuers.setPrefViewportWidth(400);
        issuers.getStyleClass().add("issuer-scroll");
        root.setLeft(issuers);
        root.setCenter(new ClaimsView(context, work, state, ticker, ZoneId.systemDefault()));

        ticker.start();
        load();
    }

    public Parent root() {
        return root;
    }

    /** Puts the window into {@code stage}, titled and sized, and shows it. */
    public void show(Stage stage) {
        stage.setTitle(TITLE);
        stage.setScene(new Scene(root, 1120, 720));
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.show();
    }

    /** Stops the countdown and any sign-in still waiting for the browser. */
    @Override
    public void close() {
        ticker.stop();
        rows.forEach(IssuerRow::cancel);
        work.close();
    }

    /** The settings and token cache are files: read them off the FX thread. */
    private void load() {
        work.run(this::readConfiguration, this::showConfiguration, failure -> {
            issuerList.getChildren().clear();
            loadError.setText(UserMessages.of(failure));
            loadError.setVisible(true);
            loadError.setManaged(true);
        });
    }

    private Configuration readConfiguration() {
        List<IssuerConfig> issuers = context.issuers().all();
        Map<String, TokenSet> tokens = new HashMap<>();
        for (IssuerConfig issuer : issuers) {
            context.sessions().current(issuer.name()).ifPresent(set -> tokens.put(issuer.name(), set));
        }
        return new Configuration(issuers, context.issuers().hasUserIssuers(), tokens);
    }

    private void showConfiguration(Configuration configuration) {
        Instant now = context.clock().instant();
        // open the most recent sign-in that is still valid; an expired one only shows in its row
        String show = configuration.tokens().values().stream()
                .filter(tokens -> !tokens.isExpired(now))
                .max(Comparator.comparing(TokenSet::verifiedAt))
                .map(TokenSet::issuerName)
                .orElse(null);
        state.loaded(configuration.tokens(), show);

        issuerList.getChildren().clear();
        for (IssuerConfig issuer : configuration.issuers()) {
            IssuerRow row = new IssuerRow(context, sandbox, work, state, ticker, issuer);
            rows.add(row);
            issuerList.getChildren().add(row);
        }
        if (!configuration.hasUserIssuers() && configuration.tokens().isEmpty()) {
            showWelcome();
        }
    }

    private void showWelcome() {
        WelcomeBanner banner = new WelcomeBanner(this::signInToSandbox);
        top.getChildren().add(banner);
        state.tokens().addListener((MapChangeListener<String, TokenSet>) change -> {
            if (change.wasAdded()) {
                banner.dismiss();
            }
        });
    }

    private void signInToSandbox() {
        rows.stream().filter(row -> row.issuer().isSandbox()).findFirst().ifPresent(IssuerRow::signIn);
    }

    private record Configuration(List<IssuerConfig> issuers, boolean hasUserIssuers, Map<String, TokenSet> tokens) {
    }
}
