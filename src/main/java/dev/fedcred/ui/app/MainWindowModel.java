package dev.fedcred.ui.app;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.settings.Appearance;
import dev.fedcred.core.settings.SettingsFileException;
import dev.fedcred.core.status.StatusSnapshot;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.ui.fx.ChangeListeners;
import dev.fedcred.ui.fx.ModelWork;
import dev.fedcred.ui.issuers.IssuerRowModel;
import dev.fedcred.ui.issuers.SandboxStarter;
import dev.fedcred.ui.state.WindowState;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.MapChangeListener;

/**
 * What the window shows from each read of fedcred's files, without a node: the issuers' row
 * models (a row whose issuer did not change is kept, so a sign-in waiting there goes on), the
 * settings file's problem, whether the first-start welcome shows, and whose claims open first.
 * {@link MainWindow} draws it on every {@link #onChange change}. Foreground thread only.
 */
final class MainWindowModel implements AutoCloseable {
    private final FedcredContext context;
    private final SandboxStarter sandbox;
    private final ModelWork work;
    private final WindowState state;
    /** Reads the settings and files again; the next {@link #show} brings what it read. */
    private final Runnable refresh;
    private final ChangeListeners listeners = new ChangeListeners();
    /** The rows shown, by issuer name, in the list's order. */
    private final Map<String, IssuerRowModel> rows = new LinkedHashMap<>();
    private boolean loaded;
    private String loadProblem;
    private boolean welcome;
    /** Whether the settings hold an issuer of the user's own (not only the sandbox). */
    private boolean userIssuers;

    MainWindowModel(FedcredContext context, SandboxStarter sandbox, ModelWork work, WindowState state,
                    Runnable refresh) {
        this.context = context;
        this.sandbox = sandbox;
        this.work = work;
        this.state = state;
        this.refresh = refresh;
        // any sign-in makes the welcome's point
        state.tokens().addListener((MapChangeListener<String, TokenSet>) change -> {
            if (change.wasAdded()) {
                dismissWelcome();
            }
        });
    }

    /** {@code listener} runs after every change of what the window shows. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** The issuers' rows in the list's order. */
    List<IssuerRowModel> rows() {
        return List.copyOf(rows.values());
    }

    Set<String> issuerNames() {
        return Set.copyOf(rows.keySet());
    }

    /** What is wrong with the settings file, line breaks kept; null when it reads. */
    String loadProblem() {
        return loadProblem;
    }

    /** Whether the first-start welcome (try the sandbox) shows. */
    boolean welcome() {
        return welcome;
    }

    /** Whether "Connect your own cloud" is offered: the files read, and no issuer of the user's own yet. */
    boolean connectOffered() {
        return loaded && !userIssuers && loadProblem == null;
    }

    /** A read of the files is in. A settings file that does not parse leaves the sandbox usable. */
    void show(StatusSnapshot snapshot) {
        List<IssuerConfig> issuers = snapshot.issuers().stream().map(StatusSnapshot.IssuerStatus::issuer).toList();
        Map<String, TokenSet> tokens = new HashMap<>();
        snapshot.issuers().forEach(status -> status.tokens().ifPresent(set -> tokens.put(status.issuer().name(), set)));
        boolean hasUserIssuers = issuers.stream().anyMatch(issuer -> !issuer.isSandbox());
        userIssuers = hasUserIssuers;
        if (loaded) {
            state.reloaded(issuers.stream().map(IssuerConfig::name).collect(Collectors.toSet()), tokens);
        } else {
            state.loaded(tokens, latestValid(tokens));
        }
        // the settings file's problem may quote the file
        loadProblem = snapshot.settingsProblem() == null ? null
                : OutsideText.neutraliseKeepingLineBreaks(snapshot.settingsProblem());
        showRows(issuers);
        if (!loaded && !hasUserIssuers && tokens.isEmpty() && loadProblem == null) {
            welcome = true;
        } else if (hasUserIssuers) {
            welcome = false;
        }
        loaded = true;
        changed();
    }

    /** Open the most recent sign-in that is still valid; an expired one only shows in its row. */
    private String latestValid(Map<String, TokenSet> tokens) {
        Instant now = context.clock().instant();
        return tokens.values().stream()
                .filter(set -> !set.isExpired(now))
                .max(Comparator.comparing(TokenSet::verifiedAt))
                .map(TokenSet::issuerName)
                .orElse(null);
    }

    private void showRows(List<IssuerConfig> issuers) {
        Map<String, IssuerRowModel> before = new LinkedHashMap<>(rows);
        rows.clear();
        for (IssuerConfig issuer : issuers) {
            IssuerRowModel row = before.remove(issuer.name());
            if (row == null || !row.issuer().equals(issuer)) {
                if (row != null) {
                    row.dispose();
                }
                row = new IssuerRowModel(context, sandbox, work, state, issuer, refresh);
            }
            rows.put(issuer.name(), row);
        }
        before.values().forEach(IssuerRowModel::dispose);
    }

    /** A target row (or the tray) asks for the sign-in its credentials need: the issuer's own row runs it. */
    void signIn(String issuerName) {
        IssuerRowModel row = rows.get(issuerName);
        if (row != null) {
            row.signIn();
        }
    }

    void signInToSandbox() {
        rows.values().stream().filter(row -> row.issuer().isSandbox()).findFirst().ifPresent(IssuerRowModel::signIn);
    }

    /** The window's look as saved; a settings file that does not read leaves the system's (its problem shows). */
    Appearance savedAppearance() {
        try {
            return context.settings().load().appearance();
        } catch (SettingsFileException unreadable) {
            return Appearance.SYSTEM;
        }
    }

    private void dismissWelcome() {
        if (welcome) {
            welcome = false;
            changed();
        }
    }

    /** Stops every sign-in still waiting for the browser. */
    @Override
    public void close() {
        rows.values().forEach(IssuerRowModel::dispose);
    }

    private void changed() {
        listeners.changed();
    }
}
