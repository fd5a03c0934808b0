package dev.fedcred.ui.firstrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.Json;
import dev.fedcred.core.aws.AwsRoleKind;
import dev.fedcred.core.aws.setup.RoleArn;
import dev.fedcred.core.doctor.DoctorReport;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.gcp.GcpWorkloadKind;
import dev.fedcred.core.issuers.IssuerCheck;
import dev.fedcred.core.issuers.IssuerDraft;
import dev.fedcred.core.issuers.IssuerValidation;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.TextEntry;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.ui.fx.ChangeListeners;
import dev.fedcred.ui.fx.ModelWork;
import dev.fedcred.ui.fx.UserMessages;
import dev.fedcred.ui.issuers.SandboxStarter;
import dev.fedcred.ui.issuers.SignInAttempt;
import dev.fedcred.ui.setup.CloudSetupPages;
import dev.fedcred.ui.setup.SetupPage;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * "Connect your own cloud": from an OAuth client ID to a first target's working credentials, in
 * three actions, without a node. {@link #signIn} adds the issuer and signs in; {@link #showSetUp}
 * saves the target (a role ARN, or the GCP numbers) and makes its cloud-side set-up from the token;
 * {@link #tryIt} gets the credentials, and when the cloud refuses shows the refusal's explanation,
 * what fedcred's check finds on this computer, and lets the user check the role's present policy
 * against the token ({@link #checkPolicy}). Core calls run on the background executor, outcomes on
 * the foreground one, as in the other view models.
 */
public final class ConnectCloudModel {
    public static final String SIGN_IN = "Sign in";
    public static final String SHOW_SET_UP = "Show the set-up";
    public static final String TRY_IT = "Try it";
    public static final String CHECK_POLICY = "Check against my token";
    /** What a screen reader says of each action: the window has other buttons named Sign in. */
    public static final String SIGN_IN_SPOKEN = "Sign in with your own provider";
    public static final String SHOW_SET_UP_SPOKEN = "Save the target and show its cloud set-up";
    public static final String TRY_IT_SPOKEN = "Try it: get credentials for the target";

    /** Which cloud the first target is in. */
    public enum Cloud { AWS, GCP }

    /** How far the path has come: each step's part shows once the one before is done. */
    public enum Step { ISSUER, TARGET, SET_UP, WORKING }

    private final FedcredContext context;
    private final ModelWork threads;
    private final SandboxStarter sandbox;
    /** Tells the window to read the settings and files again: an issuer or target was added. */
    private final Runnable refresh;
    private final ChangeListeners listeners = new ChangeListeners();

    private Step step = Step.ISSUER;
    private String working;
    private String error;
    private String signedInAs;
    private IssuerConfig issuer;
    private String targetName;
    private Cloud cloud;
    private SetupPage page;
    private String result;
    private List<String> diagnosis = List.of();
    private List<String> policyFindings = List.of();
    private SignInAttempt attempt;
    /** The last try was refused: the diagnosis and the policy check show. */
    private boolean refused;

    public ConnectCloudModel(FedcredContext context, ModelWork threads, SandboxStarter sandbox, Runnable refresh) {
        this.context = context;
        this.threads = threads;
        this.sandbox = sandbox;
        this.refresh = refresh;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    // ---- what shows

    public Step step() {
        return step;
    }

    /** What runs now ("Waiting for the browser…"); null when nothing does. */
    public String working() {
        return working;
    }

    public boolean busy() {
        return working != null;
    }

    /** What went wrong and what to do; null when nothing did. */
    public String error() {
        return error;
    }

    /** "Signed in to NAME as EMAIL"; null before the sign-in. */
    public String signedInAs() {
        return signedInAs;
    }

    /** The generated set-up of the target; null before {@link #showSetUp}. */
    public SetupPage page() {
        return page;
    }

    public String targetName() {
        return targetName;
    }

    public Cloud cloud() {
        return cloud;
    }

    /** What getting the credentials wrote, once it worked; null before. */
    public String result() {
        return result;
    }

    /** When the cloud refused: what fedcred's check found on this computer, each with its fix. */
    public List<String> diagnosis() {
        return diagnosis;
    }

    /** What {@link #checkPolicy} found: each condition of the pasted policy that refuses the token. */
    public List<String> policyFindings() {
        return policyFindings;
    }

    /** The pasted-policy check: for AWS roles and GCP providers, once a try has been refused. */
    public boolean policyCheckOffered() {
        return refused;
    }

    // ---- action 1: the issuer and the sign-in

    /** Adds the issuer of {@code issuerUrl} and {@code clientId} (a Google client also needs its secret), then signs in. */
    public void signIn(String issuerUrl, String clientId, String clientSecret) {
        if (busy()) {
            return;
        }
        IssuerConfig draft;
        try {
            draft = issuer(issuerUrl, clientId, clientSecret);
        } catch (FedcredException problem) {
            showError(problem);
            return;
        }
        start(SignInAttempt.WAITING_FOR_BROWSER, () -> {
            context.issuerEditor().addOrReplace(draft);
            SignInAttempt started = new SignInAttempt(context, draft, sandbox, new SignInAttempt.Progress() {
                @Override
                public void message(String text) {
                    threads.report(() -> {
                        if (busy()) {
                            working = text;
                            changed();
                        }
                    });
                }

                @Override
                public void openByHand(URI uri, IssuerConfig codeSignIn) {
                    threads.report(() -> {
                        working = "No browser could be opened. Open this address in a browser to sign in: " + uri;
                        changed();
                    });
                }
            });
            attempt = started;
            return started.run();
        }, tokens -> {
            issuer = draft;
            String who = tokens.stringClaim("email") != null ? tokens.stringClaim("email") : tokens.subject();
            signedInAs = "Signed in to " + draft.name() + " as " + OutsideText.neutralise(who) + ".";
            step = Step.TARGET;
            refresh.run();
        });
    }

    /** Stops waiting for the browser. */
    public void cancel() {
        SignInAttempt running = attempt;
        if (running != null) {
            running.cancel();
        }
    }

    private IssuerConfig issuer(String issuerUrl, String clientId, String clientSecret) {
        URI url;
        try {
            url = new URI(issuerUrl == null ? "" : issuerUrl.strip());
        } catch (URISyntaxException e) {
            throw new FedcredException("The issuer URL is not a URL: " + OutsideText.shown(e.getReason()) + ".");
        }
        boolean google = IssuerKind.GOOGLE_ISSUER.getHost().equalsIgnoreCase(url.getHost());
        String name = google ? "google" : issuerName(url);
        IssuerCheck check = IssuerValidation.check(new IssuerDraft(google ? IssuerKind.GOOGLE : IssuerKind.GENERIC, name,
                url, clientId, clientSecret, null, null), takenIssuerNames(name, url, clientId));
        if (!check.valid()) {
            throw new FedcredException(String.join(" ", check.problems().values()));
        }
        return check.issuer();
    }

    /** login.example.com → login-example-com: a name people recognise, in the issuers' name rules. */
    private static String issuerName(URI url) {
        String host = url.getHost() == null ? "issuer" : url.getHost().toLowerCase(Locale.ROOT);
        return host.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** Names taken by other issuers: an issuer of this name with the same URL and client is the user's own, tried again. */
    private Set<String> takenIssuerNames(String name, URI url, String clientId) {
        return context.issuers().all().stream()
                .filter(other -> !(other.name().equals(name) && other.issuer().equals(url)
                        && other.clientId().equals(clientId == null ? null : clientId.strip())))
                .map(IssuerConfig::name).collect(Collectors.toSet());
    }

    // ---- action 2: the target and its set-up

    /**
     * Saves the first target with the signed-in issuer and makes its set-up from the token.
     *
     * @param values for AWS {@code role_arn} (and optionally {@code sts_endpoint}); for GCP
     *               {@code project_number}, {@code pool}, {@code provider}, optionally {@code service_account}
     */
    public void showSetUp(Cloud chosen, Map<String, String> values) {
        if (busy() || issuer == null) {
            return;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                settings.put(key, value.strip());
            }
        });
        settings.put(TargetField.ISSUER.key(), issuer.name());
        String kindId = chosen == Cloud.AWS ? AwsRoleKind.ID : GcpWorkloadKind.ID;
        String replaced = targetName;
        start("Making the set-up from your sign-in…", () -> {
            TargetKind<?> kind = context.kinds().byId(kindId).orElseThrow();
            String name = replaced != null ? replaced : freeTargetName(chosen, settings);
            Map<String, String> read = new LinkedHashMap<>(settings);
            if (chosen == Cloud.AWS) {
                // the profile the AWS tools then name: the target's own name, as people will say it
                read.putIfAbsent("profile", name);
            }
            Target target = TextEntry.read(kind, name, read);
            context.targetEditor().save(target, replaced);
            return new Object[] {name, CloudSetupPages.load(context, name, kindId)};
        }, saved -> {
            targetName = (String) saved[0];
            page = (SetupPage) saved[1];
            cloud = chosen;
            step = Step.SET_UP;
            refresh.run();
        });
    }

    /** The role's name (my-app), or gcp-PROVIDER; with -2, -3… when a target of the user has it already. */
    private String freeTargetName(Cloud chosen, Map<String, String> settings) {
        String base;
        if (chosen == Cloud.AWS) {
            String arn = settings.getOrDefault("role_arn", "");
            base = RoleArn.parse(arn).name();
        } else {
            base = "gcp-" + settings.getOrDefault("provider", "target");
        }
        base = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        base = base.isEmpty() ? "my-cloud" : base.substring(0, Math.min(60, base.length()));
        String name = base;
        for (int n = 2; context.targets().find(name).isPresent(); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    // ---- action 3: try it, and the diagnosis

    /** Gets the target's credentials; when that fails, looks for why. */
    public void tryIt() {
        if (busy() || targetName == null) {
            return;
        }
        String name = targetName;
        diagnosis = List.of();
        policyFindings = List.of();
        result = null;
        start("Getting credentials for " + name + "…", () -> {
            var obtained = context.kinds().of(context.targets().resolve(name)).obtain(false);
            return obtained.notice();
        }, notice -> {
            step = Step.WORKING;
            refused = false;
            result = notice;
            refresh.run();
        }, failure -> {
            step = Step.WORKING;
            refused = true;
            showError(failure);
            diagnose(name);
        });
    }

    /** What fedcred can check on this computer for the target (its doctor, without a second try). */
    private void diagnose(String name) {
        threads.run(() -> context.doctor().check(Optional.of(name), false), report -> {
            List<String> found = new ArrayList<>();
            for (DoctorReport.Entry entry : report.entries()) {
                if (entry.finding().counts()) {
                    found.add(entry.about() + ": " + entry.finding().problem()
                            + (entry.finding().fix().isEmpty() ? "" : " Fix: " + entry.finding().fix()));
                }
            }
            diagnosis = List.copyOf(found);
            changed();
        }, failure -> { });
    }

    /**
     * Checks a policy the user pasted against their token: the role's trust policy (or {@code aws iam
     * get-role}'s answer) for AWS, the provider as {@code gcloud … providers describe --format=json}
     * prints it for GCP. Names each condition that refuses the token.
     */
    public void checkPolicy(String pasted) {
        if (busy() || targetName == null) {
            return;
        }
        String name = targetName;
        Cloud checked = cloud;
        start("Checking the policy against your token…", () -> {
            if (pasted != null && pasted.length() > FileSizeLimit.TRUST_POLICY.maxBytes()) {
                // the same cap as `setup aws --check FILE`: a policy or provider is a few KB
                throw new FedcredException("That is more than " + FileSizeLimit.TRUST_POLICY.maxBytes() / 1024
                        + " KiB: a trust policy or provider is a few KB. Paste what the command above prints.");
            }
            JsonNode policy;
            try {
                policy = Json.MAPPER.readTree(pasted == null ? "" : pasted);
            } catch (JsonProcessingException e) {
                throw new FedcredException("That is not JSON (" + OutsideText.shown(e.getOriginalMessage()) + ");"
                        + " paste what the command above prints.");
            }
            if (policy == null || !policy.isObject()) {
                throw new FedcredException("Paste the JSON object the command above prints.");
            }
            if (checked == Cloud.AWS) {
                var verdict = context.awsSetup().check(name, policy);
                return verdict.allowed() ? List.of("This trust policy lets your token assume the role.") : verdict.findings();
            }
            List<String> findings = context.gcpSetup().check(name, policy);
            return findings.isEmpty() ? List.of("This provider accepts your token.") : findings;
        }, findings -> policyFindings = findings.stream().map(OutsideText::neutraliseKeepingLineBreaks).toList(),
                failure -> policyFindings = List.of(UserMessages.of(failure)), false);
    }

    // ---- plumbing

    private <T> void start(String message, Callable<T> work, Consumer<T> onSuccess) {
        start(message, work, onSuccess, this::showError, true);
    }

    private <T> void start(String message, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        start(message, work, onSuccess, onFailure, true);
    }

    /** @param clearError whether the last error goes (a policy check keeps the refusal it explains in sight) */
    private <T> void start(String message, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                           boolean clearError) {
        working = message;
        if (clearError) {
            error = null;
        }
        changed();
        threads.run(work, outcome -> {
            working = null;
            attempt = null;
            onSuccess.accept(outcome);
            changed();
        }, failure -> {
            working = null;
            attempt = null;
            onFailure.accept(failure);
            changed();
        });
    }

    private void showError(Throwable failure) {
        error = UserMessages.of(failure);
        changed();
    }

    private void changed() {
        listeners.changed();
    }
}
