package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.doctor.DoctorReport;
import dev.fedcred.core.renewal.RenewalOutcome;
import dev.fedcred.core.session.BrowserSignIn;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetAction;
import dev.fedcred.ui.fx.ChangeListeners;
import dev.fedcred.ui.fx.Confirmation;
import dev.fedcred.ui.fx.ModelWork;
import dev.fedcred.ui.fx.TimeText;
import dev.fedcred.ui.fx.UserMessages;
import dev.fedcred.ui.setup.CloudSetupPages;
import dev.fedcred.ui.setup.SetupDialog;
import dev.fedcred.ui.setup.SetupPage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * What one target's row shows and does, without a node: the work in progress, the last notice
 * or error (and which issuer's sign-in would fix it), the question waiting for an answer, which
 * actions are possible, and the countdown at any instant. {@link TargetRow} draws it and
 * redraws on every {@link #onChange change}. The core calls run on the {@code background}
 * executor and their outcome is applied on {@code foreground} (the FX thread in the window; a
 * test passes {@code Runnable::run} to both and sees every step at once). One thread at a time
 * touches the model: the foreground one.
 */
final class TargetRowModel {
    /** What Sign in's notice names when the kind gave no words of its own. */
    static final String ASSUME = "Assume role";
    static final String RENEW = "Renew";
    static final String CHECK = "Check";
    static final String CHECKING = "Checking";
    static final String SET_UP = SetupDialog.TITLE;
    static final ButtonType REPLACE = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType REMOVE = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
    static final String UNSUPPORTED = "The desktop window cannot get credentials for this kind of target yet.";

    /** A confirmation waiting for the user, with what each answer does. */
    private record Question(Confirmation confirmation, Runnable onProceed, Runnable onCancel) {
    }

    private final FedcredContext context;
    private final ModelWork threads;
    private final ZoneId zone;
    private final Target target;
    /** Null for a kind of target the window cannot get credentials for yet. */
    private final TargetKind kind;
    private final ChangeListeners listeners = new ChangeListeners();

    private TargetSnapshot snapshot;
    private Instant expiration;
    /** What the running work says; null when nothing runs. */
    private String working;
    /** The last Check's findings, until the view takes them to show. */
    private DoctorReport checked;
    /** The last "Set up in the cloud"'s documents, until the view takes them to show. */
    private SetupPage setupPage;
    private String notice;
    private String error;
    /** The issuer whose sign-in fixes the error; null when signing in would not. */
    private String signInIssuer;
    private Question question;

    TargetRowModel(FedcredContext context, Executor background, Executor foreground, ZoneId zone,
                   TargetSnapshot snapshot) {
        this.context = context;
        this.threads = new ModelWork(background, foreground);
        this.zone = zone;
        this.target = snapshot.target();
        this.kind = TargetKind.of(snapshot);
        this.snapshot = snapshot;
        this.expiration = snapshot.expiration();
    }

    /** {@code listener} runs after every change of what the row shows. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    Target target() {
        return target;
    }

    /** Null for a kind of target the window cannot get credentials for yet. */
    TargetKind kind() {
        return kind;
    }

    TargetSnapshot snapshot() {
        return snapshot;
    }

    /** Fresh facts from a new read of the settings and files; while busy, the running work decides the expiry. */
    void update(TargetSnapshot fresh) {
        snapshot = fresh;
        if (!busy()) {
            expiration = fresh.expiration();
        }
        changed();
    }

    // ---- what shows

    /** "Signs in with sandbox", or what is wrong with the target's issuer. */
    String issuerLine() {
        if (snapshot.issuerName() == null) {
            return snapshot.issuerProblem();
        }
        // a chained role has no issuer of its own: it signs in through its source
        java.util.Optional<String> source = context.kinds().of(target).sourceName();
        if (source.isPresent()) {
            return "Signs in with " + snapshot.issuerName() + " through " + dev.fedcred.core.text.OutsideText.neutralise(source.get());
        }
        return "Signs in with " + snapshot.issuerName() + (target.issuer() == null ? " (the default issuer)" : "");
    }

    boolean issuerProblem() {
        return snapshot.issuerName() == null;
    }

    Instant expiration() {
        return expiration;
    }

    CredentialStatus.Shown status(Instant now) {
        return CredentialStatus.describe(expiration, now, zone);
    }

    /** The status as a screen reader says it; null for a kind the window does not know. */
    String spokenStatus(Instant now) {
        return kind == null ? null : CredentialStatus.spoken(kind.credentialsName(), expiration, now);
    }

    boolean busy() {
        return working != null;
    }

    /** "Assuming fedcred-sandbox…"; null when nothing runs. */
    String working() {
        return working;
    }

    /** The last thing done, such as "Wrote profile …"; null when none shows. */
    String notice() {
        return notice;
    }

    /** What went wrong and what to do; null when no error shows. */
    String error() {
        return error;
    }

    /** The issuer the error's Sign in signs in to; null when signing in would not fix it. */
    String signInIssuer() {
        return signInIssuer;
    }

    /** The question the user has not answered yet; null when none waits. */
    Confirmation question() {
        return question == null ? null : question.confirmation();
    }

    /** The hint that fedcred holds credentials whose file is not there (null when it is, or nothing is held). */
    String missingHint() {
        boolean missing = kind != null && !busy() && !snapshot.written() && expiration != null;
        return missing ? kind.missingHint() : null;
    }

    // ---- which actions are possible

    boolean canGet() {
        return kind != null && !busy();
    }

    /** Renew is for credentials fedcred holds and wrote; before the first ones, getting them does it. */
    boolean renewShown() {
        return kind != null && snapshot.written() && expiration != null;
    }

    boolean canRenew() {
        return renewShown() && !busy();
    }

    boolean canRemove() {
        return kind != null && !busy() && snapshot.written();
    }

    /** The kind's other actions (open the console) wait while anything runs. */
    boolean canPerform() {
        return kind != null && !busy();
    }

    /** Edit and Delete: only the user's own targets have them, busy or not. */
    boolean editable() {
        return !snapshot.builtIn();
    }

    // ---- the actions

    /** Assume role / Get credentials; asks first before replacing a file fedcred did not write. */
    void get() {
        get(false);
    }

    /** New credentials now, whatever time the current ones have left, written where they were. */
    void renew() {
        if (!canRenew()) {
            return;
        }
        String issuerName = snapshot.issuerName();
        start("Renewing " + target.name() + "…", () -> {
            RenewalOutcome outcome = context.renewer().renewNow(target);
            if (!outcome.succeeded()) {
                throw outcome.failure();
            }
            String text = "Renewed " + target.name() + ": new credentials written, valid until "
                    + TimeText.local(outcome.renewedUntil(), zone);
            return new TargetKind.Got(outcome.renewedUntil(), text);
        }, this::written, failure -> showError(failure, issuerName));
    }

    /** One of the kind's other actions, such as opening the AWS console (see {@link TargetActions}). */
    void perform(TargetAction action) {
        if (!canPerform()) {
            return;
        }
        String issuerName = snapshot.issuerName();
        start(action.workingMessage(), () -> TargetActions.perform(context, target, action), this::showNotice,
                failure -> showError(failure, issuerName));
    }

    /**
     * Checks everything on the user's side for this target (fedcred doctor TARGET, with its dry run);
     * the findings wait in {@link #takeCheckReport} for the view's dialog.
     */
    void check() {
        if (busy()) {
            return;
        }
        start(CHECKING + " " + target.name() + "…",
                () -> context.doctor().check(java.util.Optional.of(target.name()), true), report -> {
                    checked = report;
                    long found = report.entries().stream().filter(e -> e.finding().counts()).count();
                    showNotice(report.healthy() ? "Checked " + target.name() + ": nothing to fix."
                            : "Checked " + target.name() + ": " + found + (found == 1 ? " thing" : " things") + " to fix.");
                }, failure -> showError(failure, null));
    }

    /** The findings of a Check that ended since the last call, once; null when none. */
    DoctorReport takeCheckReport() {
        DoctorReport report = checked;
        checked = null;
        return report;
    }

    /** Whether this kind of target has a generated cloud set-up (AWS roles, chained roles, GCP). */
    boolean setUpOffered() {
        return kind != null && CloudSetupPages.offeredFor(snapshot.kindId());
    }

    /**
     * Makes the cloud-side set-up from the signed-in token and the target (fedcred setup aws|gcp
     * TARGET); the page waits in {@link #takeSetupPage} for the view's dialog.
     */
    void setUp() {
        if (busy() || !setUpOffered()) {
            return;
        }
        String issuerName = snapshot.issuerName();
        String kindId = snapshot.kindId();
        start("Making the set-up of " + target.name() + "…", () -> CloudSetupPages.load(context, target.name(), kindId),
                page -> setupPage = page, failure -> showError(failure, issuerName));
    }

    /** The set-up made since the last call, once; null when none. */
    SetupPage takeSetupPage() {
        SetupPage page = setupPage;
        setupPage = null;
        return page;
    }

    /** Asks whether to remove what fedcred wrote; removes it on yes. */
    void remove() {
        if (!canRemove()) {
            return;
        }
        TargetSnapshot asked = snapshot;
        ask(kind.removeQuestion(asked), () -> remove(asked), () -> { });
    }

    /** The user's answer to {@code asked}; an answer to a question no longer waiting is ignored. */
    void answer(Confirmation asked, boolean proceed) {
        if (question == null || question.confirmation() != asked) {
            return;
        }
        Question answered = question;
        question = null;
        changed();
        (proceed ? answered.onProceed() : answered.onCancel()).run();
    }

    /** Someone signed in to {@code issuerName}: an error that asked for that has done its job. */
    void signedIn(String issuerName) {
        if (error != null && issuerName.equals(signInIssuer)) {
            showNotice("Signed in to " + issuerName + ". " + (kind == null ? ASSUME : kind.getLabel())
                    + " now gets the credentials.");
        }
    }

    private void get(boolean force) {
        if (!canGet()) {
            return;
        }
        String issuerName = snapshot.issuerName();
        start(kind.gettingMessage(), () -> kind.get(context, force), this::written, failure -> {
            Confirmation replace = force ? null : kind.replaceQuestion(failure);
            if (replace == null) {
                showError(failure, issuerName);
                return;
            }
            // a file is there: Remove may take it out if the user lets fedcred replace it
            snapshot = withWritten(true);
            ask(replace, () -> get(true), () -> showNotice(kind.keptNotice(failure)));
        });
    }

    private void remove(TargetSnapshot asked) {
        if (busy()) {
            return;
        }
        start(kind.removingMessage(), () -> kind.remove(context, asked), removed -> {
            snapshot = withWritten(removed.fileThere());
            showNotice(removed.notice());
        }, failure -> showError(failure, null));
    }

    /** New credentials are in the file: the countdown restarts. */
    private void written(TargetKind.Got got) {
        expiration = got.expiration();
        snapshot = withWritten(true);
        showNotice(got.notice());
    }

    /** Runs {@code work} in the background; busy until its outcome is applied. */
    private <T> void start(String message, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        working = message;
        notice = null;
        clearError();
        changed();
        threads.run(work, result -> finish(() -> onSuccess.accept(result)),
                failure -> finish(() -> onFailure.accept(failure)));
    }

    private void finish(Runnable outcome) {
        working = null;
        outcome.run();
        changed();
    }

    private void ask(Confirmation confirmation, Runnable onProceed, Runnable onCancel) {
        question = new Question(confirmation, onProceed, onCancel);
        changed();
    }

    private void showNotice(String text) {
        clearError();
        notice = text;
        changed();
    }

    /** The failure's message says what to do; when that is signing in again, the row offers it. */
    private void showError(Throwable failure, String issuerName) {
        notice = null;
        error = UserMessages.of(failure);
        signInIssuer = BrowserSignIn.issuerFor(failure, issuerName).orElse(null);
        changed();
    }

    private void clearError() {
        error = null;
        signInIssuer = null;
    }

    private TargetSnapshot withWritten(boolean inFile) {
        TargetSnapshot s = snapshot;
        return new TargetSnapshot(s.target(), s.kindId(), s.builtIn(), s.issuerName(), s.issuerProblem(),
                s.expiration(), inFile, s.credentialsFile(), s.presentation());
    }

    private void changed() {
        listeners.changed();
    }
}
