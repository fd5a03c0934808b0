package dev.fedcred.core.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.FedcredPaths;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.session.KeychainSetting;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.core.targets.CheckContext;
import dev.fedcred.core.targets.Finding;
import dev.fedcred.core.targets.PrivateFiles;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything fedcred can check on the user's side before they try, each finding with its fix:
 * fedcred's own files and keychain, each issuer a checked target signs in with (discovery, the
 * clock against the issuer's, the stored sign-in and its claims), then each target's kind's own
 * checks ({@link dev.fedcred.core.targets.TargetKind#check}) with a dry run of the exchange when
 * the issuer is signed in and answers. Writes no credentials.
 */
public final class Doctor {
    /** How far this computer's clock may be from the issuer's: ID tokens are checked with 60 s of leeway. */
    public static final Duration MAX_SKEW = Duration.ofSeconds(60);

    private final Map<String, String> environment;
    private final Clock clock;
    private final FedcredPaths paths;
    private final IssuerRegistry issuers;
    private final Supplier<IdentitySessions> sessions;
    private final TargetRegistry targets;
    private final TargetKinds kinds;
    private final Supplier<KeychainSetting> keychain;
    private final Supplier<Boolean> keychainOn;

    public Doctor(Map<String, String> environment, Clock clock, FedcredPaths paths, IssuerRegistry issuers,
                  Supplier<IdentitySessions> sessions, TargetRegistry targets, TargetKinds kinds,
                  Supplier<KeychainSetting> keychain, Supplier<Boolean> keychainOn) {
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.paths = paths;
        this.issuers = issuers;
        this.sessions = sessions;
        this.targets = targets;
        this.kinds = kinds;
        this.keychain = keychain;
        this.keychainOn = keychainOn;
    }

    /**
     * Checks one target, or with none every target of the user's and the built-in sandbox targets
     * when signed in to the sandbox (a user who never started it should not hear that it does not answer).
     *
     * @param live whether to try each exchange against the cloud (nothing is written)
     */
    public DoctorReport check(Optional<String> targetName, boolean live) {
        List<Target> chosen = targetName.map(name -> List.of(targets.resolve(name))).orElseGet(this::everyTargetInUse);
        List<DoctorReport.Entry> entries = new ArrayList<>();
        own(entries);
        Map<String, Boolean> issuerReady = new LinkedHashMap<>();
        for (Target target : chosen) {
            String issuerName = targets.issuerOf(target);
            IssuerConfig issuer;
            try {
                issuer = issuers.resolve(issuerName);
            } catch (FedcredException e) {
                entries.add(new DoctorReport.Entry("target " + target.name(), Finding.error(e.getMessage(),
                        "Add that issuer, or set the target's issuer to one you have.")));
                continue;
            }
            boolean ready = issuerReady.computeIfAbsent(issuer.name(), name -> checkIssuer(issuer, entries));
            CheckContext context = new CheckContext(environment, clock, live && ready);
            for (Finding finding : kinds.of(target).check(context)) {
                entries.add(new DoctorReport.Entry("target " + target.name(), finding));
            }
        }
        return new DoctorReport(chosen.stream().map(Target::name).toList(), withoutRepeats(entries));
    }

    private List<Target> everyTargetInUse() {
        boolean sandboxSignedIn = sessions.get().current(IssuerRegistry.SANDBOX).isPresent();
        return targets.all().stream().filter(t -> !targets.isBuiltIn(t.name()) || sandboxSignedIn).toList();
    }

    /** fedcred's own files and directories, and the keychain when refresh tokens go there. */
    private void own(List<DoctorReport.Entry> entries) {
        List<Optional<Finding>> found = List.of(
                PrivateFiles.check(paths.configDir(), "fedcred's settings directory"),
                PrivateFiles.check(paths.stateDir(), "fedcred's state directory"),
                PrivateFiles.check(paths.settingsFile(), "The settings file"),
                PrivateFiles.check(paths.tokenCacheFile(), "The token cache"),
                PrivateFiles.check(paths.awsSessionCacheFile(), "The AWS session cache"),
                PrivateFiles.check(paths.gcpTokenCacheFile(), "The GCP token cache"));
        found.forEach(f -> f.ifPresent(finding -> entries.add(new DoctorReport.Entry("fedcred", finding))));
        if (keychainOn.get()) {
            KeychainSetting.Status status = keychain.get().status();
            if (!status.answers()) {
                entries.add(new DoctorReport.Entry("fedcred", Finding.error("Refresh tokens go to the "
                        + status.keychainName() + ", which does not answer: " + status.problem(),
                        "Unlock or start the " + status.keychainName() + ", or keep refresh tokens in the token file: "
                                + Launcher.current().forPeople("keychain", "off"))));
            }
        }
    }

    /** Checks the issuer and its sign-in; true when a dry run can go ahead (it answered and is signed in). */
    private boolean checkIssuer(IssuerConfig issuer, List<DoctorReport.Entry> entries) {
        String about = "issuer " + issuer.name();
        List<Finding> findings = new ArrayList<>();
        boolean answered = discovery(issuer, findings);
        boolean signedIn = signIn(issuer, findings);
        findings.forEach(finding -> entries.add(new DoctorReport.Entry(about, finding)));
        return answered && signedIn;
    }

    private boolean discovery(IssuerConfig issuer, List<Finding> findings) {
        IssuerProbe.Answer answer = IssuerProbe.ask(issuer.issuer());
        answer.date().ifPresent(date -> skew(issuer, date).ifPresent(findings::add));
        if (answer.document() == null) {
            findings.add(Finding.error("The issuer " + issuer.label() + " " + answer.failure() + ".",
                    issuer.isSandbox() ? "Start the sandbox: " + Launcher.current().forPeople("sandbox")
                            : "Check the network and the issuer URL " + issuer.issuer() + " (fedcred issuers list)."));
            return false;
        }
        JsonNode document = answer.document();
        String said = document.path("issuer").asText("");
        if (!sameIssuer(said, issuer.issuer().toString())) {
            findings.add(Finding.error("The discovery document at " + IssuerProbe.discoveryUrl(issuer.issuer())
                    + " names the issuer " + said + ", not " + issuer.issuer() + ": sign-in would refuse its tokens.",
                    "Set the issuer URL to exactly what its discovery document names."));
            return false;
        }
        List<String> missing = new ArrayList<>();
        for (String key : List.of("authorization_endpoint", "token_endpoint", "jwks_uri")) {
            if (document.path(key).asText("").isBlank()) {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            findings.add(Finding.error("The discovery document of " + issuer.label() + " has no " + String.join(", ", missing)
                    + ": fedcred cannot sign in there.", "Check the issuer URL; it must be an OpenID Connect provider."));
            return false;
        }
        return true;
    }

    private Optional<Finding> skew(IssuerConfig issuer, Instant issuerTime) {
        Duration skew = Duration.between(issuerTime, clock.instant());
        if (skew.abs().compareTo(MAX_SKEW) <= 0) {
            return Optional.empty();
        }
        return Optional.of(Finding.error("This computer's clock is " + skew.abs().toSeconds() + " s "
                + (skew.isNegative() ? "behind" : "ahead of") + " the clock of " + issuer.label()
                + " (its reply's Date): ID tokens will look " + (skew.isNegative() ? "not yet valid" : "expired")
                + " and clouds refuse them beyond 60 s.", "Set the clock right; on Linux turn on network time: "
                + "timedatectl set-ntp true"));
    }

    private boolean signIn(IssuerConfig issuer, List<Finding> findings) {
        String login = Launcher.current().forPeople("login", "--issuer", issuer.name());
        Optional<TokenSet> stored = sessions.get().current(issuer.name());
        if (stored.isEmpty()) {
            findings.add(Finding.errorFixedBy("Not signed in to " + issuer.label() + ".", login));
            return false;
        }
        TokenSet tokens = stored.get();
        boolean expired = tokens.isExpired(clock.instant());
        if (!tokens.hasRefreshToken()) {
            findings.add(expired
                    ? Finding.errorFixedBy("The ID token of " + issuer.label() + " has expired and there is no refresh"
                    + " token to renew it.", login)
                    : Finding.warningFixedBy("There is no refresh token for " + issuer.label() + ": credentials stop"
                    + " when the ID token expires at " + tokens.expiresAt() + " and need a browser sign-in then.", login));
        }
        String iss = tokens.stringClaim("iss");
        if (iss == null || !sameIssuer(iss, issuer.issuer().toString())) {
            findings.add(Finding.errorFixedBy("The stored ID token's iss is " + iss + ", not " + issuer.issuer()
                    + ": the issuer's URL changed since the sign-in.", login));
        }
        if (!audienceHolds(tokens.claims().get("aud"), issuer.clientId())) {
            findings.add(Finding.errorFixedBy("The stored ID token's aud does not hold the client ID " + issuer.clientId()
                    + ": the issuer's client changed since the sign-in.", login));
        }
        String sub = tokens.subject();
        if (sub == null || sub.isBlank()) {
            findings.add(Finding.errorFixedBy("The stored ID token has no sub: no cloud can tell who it is.", login));
        }
        return true;
    }

    private static boolean audienceHolds(Object aud, String clientId) {
        if (aud instanceof Iterable<?> values) {
            for (Object value : values) {
                if (clientId.equals(String.valueOf(value))) {
                    return true;
                }
            }
            return false;
        }
        return clientId.equals(String.valueOf(aud));
    }

    /** The same issuer, Google's two forms of iss ({@code accounts.google.com} with and without https) alike. */
    static boolean sameIssuer(String said, String configured) {
        String a = trimSlash(said);
        String b = trimSlash(configured);
        return a.equals(b) || ("https://" + a).equals(b) && a.equals("accounts.google.com");
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The same finding about several targets (one AWS file, one variable) is said once, for the first. */
    private static List<DoctorReport.Entry> withoutRepeats(List<DoctorReport.Entry> entries) {
        Set<String> seen = new HashSet<>();
        List<DoctorReport.Entry> kept = new ArrayList<>();
        for (DoctorReport.Entry entry : entries) {
            if (seen.add(entry.finding().severity() + "\n" + entry.finding().problem())) {
                kept.add(entry);
            }
        }
        return kept;
    }
}
