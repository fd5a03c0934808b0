package dev.fedcred;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.doctor.Doctor;
import dev.fedcred.core.builtin.SandboxTargets;
import dev.fedcred.core.FedcredPaths;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.core.Lazy;
import dev.fedcred.core.renewal.CredentialRenewer;
import dev.fedcred.core.agent.AgentDefinitions;
import dev.fedcred.core.agent.AgentInstaller;
import dev.fedcred.core.agent.SystemCommands;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.renewal.RenewerSeat;
import dev.fedcred.core.UserHome;
import dev.fedcred.core.aws.AwsConsoleSignIn;
import dev.fedcred.core.aws.AwsCredentialService;
import dev.fedcred.core.editing.TargetCredentials;
import dev.fedcred.core.editing.TargetEditor;
import dev.fedcred.core.aws.AwsSessionCache;
import dev.fedcred.core.aws.ProcessProfiles;
import dev.fedcred.core.aws.WebIdentityRoleAssumer;
import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.aws.profiles.AwsProfileWriter;
import dev.fedcred.core.gcp.GcpCredentialService;
import dev.fedcred.core.gcp.GcpHttpTransports;
import dev.fedcred.core.gcp.GcpTokenCache;
import dev.fedcred.core.gcp.SubjectTokenFiles;
import dev.fedcred.core.gcp.WorkloadIdentityExchanger;
import dev.fedcred.core.gcp.AdcFileWriter;
import dev.fedcred.core.gcp.AdcLocations;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.core.oidc.PollPause;
import dev.fedcred.core.oidc.IdTokenVerifier;
import dev.fedcred.core.oidc.ProviderDiscovery;
import dev.fedcred.core.oidc.SignInService;
import dev.fedcred.core.oidc.SystemBrowser;
import dev.fedcred.core.oidc.TokenEndpointClient;
import dev.fedcred.core.secrets.SecretStores;
import dev.fedcred.core.session.IdentitySessions;
import dev.fedcred.core.session.KeychainSetting;
import dev.fedcred.core.session.RefreshTokenVault;
import dev.fedcred.core.session.TokenCache;
import dev.fedcred.core.issuers.IssuerEditor;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.settings.SettingsStore;
import dev.fedcred.core.settings.SandboxGcpEndpoints;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.status.LiveStatus;
import dev.fedcred.core.status.StateFileWatch;
import dev.fedcred.core.status.StatusReader;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.core.aws.AwsRoleKind;
import dev.fedcred.core.aws.StsClients;
import dev.fedcred.core.aws.chained.ChainedRoleKind;
import dev.fedcred.core.aws.chained.ChainedRoleService;
import dev.fedcred.core.aws.chained.RoleChainer;
import dev.fedcred.core.aws.chained.RoleChains;
import dev.fedcred.core.targets.Target;
import java.util.Optional;
import dev.fedcred.core.gcp.GcpWorkloadKind;
import dev.fedcred.core.kube.EksTokenSigner;
import dev.fedcred.core.kube.KubeCredentialService;
import dev.fedcred.core.kube.KubeKind;
import dev.fedcred.core.kube.KubeSetup;
import dev.fedcred.core.kube.KubeSources;
import dev.fedcred.core.kube.KubeTokenCache;
import dev.fedcred.core.kube.KubeconfigFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import dev.fedcred.core.gcp.ExecutableSubjectTokens;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.signout.ForgetCredentialsOnSignOut;
import dev.fedcred.core.signout.IssuerTargets;
import dev.fedcred.core.signout.SignOut;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The composition root: builds the object graph once, with constructor injection, from the
 * environment. The desktop app and the CLI both start here; tests build one with their own
 * environment, clock and browser.
 */
public final class FedcredContext {
    public static final int DEFAULT_SANDBOX_PORT = 9750;
    public static final String SANDBOX_PORT_VARIABLE = "FEDCRED_SANDBOX_PORT";
    /** The sandbox GCP emulator's HTTPS port; by default the sandbox port + 1. */
    public static final String SANDBOX_GCP_PORT_VARIABLE = "FEDCRED_SANDBOX_GCP_PORT";
    /**
     * The variables that decide which fedcred state a process sees, carried on the command line of an
     * ADC file's executable source ({@code --env NAME=VALUE}): Google's libraries run it with the
     * application's environment, which may not have them.
     */
    public static final List<String> PINNED_VARIABLES = List.of(FedcredPaths.HOME_VARIABLE, SANDBOX_PORT_VARIABLE,
            SANDBOX_GCP_PORT_VARIABLE);
    /** The whole of one call to an issuer, AWS STS or Google, retries included. */
    private static final Duration NETWORK_TIMEOUT = Deadline.INTERACTIVE;

    private final FedcredPaths paths;
    private final Map<String, String> env;
    private final Clock clock;
    private final BrowserOpener browser;
    private final int sandboxPort;
    private final int sandboxGcpPort;
    private final SettingsStore settings;
    private final IssuerRegistry issuers;
    private final KeychainSetting keychain;
    private final TargetRegistry targets;
    private final TargetKinds kinds;
    private final AwsFileLocations awsFiles;
    private final AdcLocations adcLocations;
    private final Lazy<IdentitySessions> sessions;
    private final Lazy<AwsProfileWriter> awsProfiles;
    private final Lazy<AwsCredentialService> aws;
    private final Lazy<StsClients> stsClients;
    private final AwsSessionCache awsSessions;
    private final Lazy<ChainedRoleService> chainedRoles;
    private final Lazy<GcpCredentialService> gcp;
    private final ExecutableSubjectTokens executableSubjectTokens;
    private final KubeconfigFile kubeconfig;
    /** What kubectl told its exec plugin (KUBERNETES_EXEC_INFO); null when not run by kubectl. */
    private final String kubeExecInfo;
    private final Lazy<KubeCredentialService> kube;
    private final IssuerTargets issuerTargets;
    private final Lazy<TargetCredentials> targetCredentials;

    /**
     * Builds only what reading the settings needs. Sessions, the AWS and GCP services and the
     * libraries behind them (Nimbus, the AWS SDK, google-auth-library) are built on first use, so
     * {@code --version}, {@code credential-process} with cached credentials and the window's first
     * frame load none of them.
     */
    public FedcredContext(Map<String, String> env, Clock clock, BrowserOpener browser) {
        this(env, clock, browser, List.of());
    }

    /**
     * @param moreKinds kinds of target registered after the built-in ones, as a test registers one
     *                  of its own: the window and the CLI offer them like the others
     */
    public FedcredContext(Map<String, String> env, Clock clock, BrowserOpener browser, List<TargetKind<?>> moreKinds) {
        this(env, clock, browser, moreKinds, PollPause.SLEEP);
    }

    /**
     * @param pollPause how the device sign-in waits between polls: a real sleep, or in a test a move
     *                  of {@code clock}, so the issuer's "too soon" and the countdowns see the same time
     */
    public FedcredContext(Map<String, String> env, Clock clock, BrowserOpener browser, List<TargetKind<?>> moreKinds,
                          PollPause pollPause) {
        this.paths = FedcredPaths.fromEnvironment(env);
        this.env = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(env));
        this.clock = clock;
        this.browser = browser;
        this.sandboxPort = port(env, SANDBOX_PORT_VARIABLE, DEFAULT_SANDBOX_PORT);
        this.sandboxGcpPort = port(env, SANDBOX_GCP_PORT_VARIABLE, sandboxPort + 1);
        this.awsFiles = AwsFileLocations.fromEnvironment(env, UserHome.from(env));
        // every kind of target fedcred knows; a new kind is registered here and nowhere else
        this.adcLocations = AdcLocations.fromEnvironment(env, UserHome.from(env));
        RoleChains roleChains = new RoleChains(this::findTarget, this::kinds);
        KubeSources kubeSources = new KubeSources(this::findTarget, this::kinds);
        this.kubeconfig = KubeconfigFile.fromEnvironment(env, UserHome.from(env));
        this.kubeExecInfo = env.get("KUBERNETES_EXEC_INFO");
        List<TargetKind<?>> all = new ArrayList<>(List.of(new AwsRoleKind(this::aws, awsFiles, clock),
                new GcpWorkloadKind(this::gcp, awsFiles, adcLocations, clock,
                        "1".equals(env.get(ExecutableSubjectTokens.ALLOW_VARIABLE))),
                new ChainedRoleKind(this::chainedRoles, roleChains, awsFiles, clock),
                new KubeKind(this::kube, kubeSources, kubeconfig, clock)));
        all.addAll(moreKinds);
        this.kinds = new TargetKinds(all);
        this.settings = new SettingsStore(paths.settingsFile(), kinds);
        this.issuers = new IssuerRegistry(settings, URI.create("http://127.0.0.1:" + sandboxPort));
        this.targets = new TargetRegistry(settings, kinds, SandboxTargets.of(issuers.sandbox(),
                SandboxGcpEndpoints.of(sandboxGcpPort, paths.sandboxDir())));
        TokenCache tokenCache = new TokenCache(paths.tokenCacheFile(), new RefreshTokenVault(
                SecretStores.forSystem(System.getProperty("os.name"), env), () -> settings.load().keychain()));
        this.keychain = new KeychainSetting(settings, tokenCache);
        SubjectTokenFiles subjectTokens = new SubjectTokenFiles(paths::gcpSubjectTokenFile, paths::gcpExecutableResponseFile);
        this.issuerTargets = new IssuerTargets(issuers, targets);
        this.targetCredentials = Lazy.of(() -> new TargetCredentials(kinds));
        this.sessions = Lazy.of(() -> {
            IdentitySessions built = new IdentitySessions(Lazy.of(() -> new SignInService(
                    new ProviderDiscovery(NETWORK_TIMEOUT), new TokenEndpointClient(NETWORK_TIMEOUT),
                    new IdTokenVerifier(clock), clock, pollPause)), tokenCache);
            // every sign-in and renewal, by whichever command, keeps the GCP ID-token files fresh
            built.addListener(subjectTokens);
            // and every sign-out, by whichever command or window, forgets its targets' cached credentials
            built.addListener(new ForgetCredentialsOnSignOut(issuerTargets, this.targetCredentials));
            return built;
        });
        this.awsProfiles = Lazy.of(() -> new AwsProfileWriter(awsFiles, clock));
        this.stsClients = Lazy.of(() -> new StsClients(NETWORK_TIMEOUT));
        this.awsSessions = new AwsSessionCache(paths.awsSessionCacheFile());
        this.aws = Lazy.of(() -> new AwsCredentialService(issuers, sessions.get(),
                Lazy.of(() -> new WebIdentityRoleAssumer(NETWORK_TIMEOUT, clock)),
                awsSessions, awsProfiles.get(), clock));
        this.chainedRoles = Lazy.of(() -> new ChainedRoleService(roleChains,
                Lazy.of(() -> new RoleChainer(stsClients.get(), clock)), awsSessions, awsProfiles.get(), clock));
        this.kube = Lazy.of(() -> new KubeCredentialService(kubeSources, issuers, sessions,
                Lazy.of(() -> new EksTokenSigner(clock)), new KubeTokenCache(paths.kubeTokenCacheFile()), clock));
        this.gcp = Lazy.of(() -> new GcpCredentialService(issuers, sessions.get(),
                Lazy.of(() -> new WorkloadIdentityExchanger(new GcpHttpTransports(NETWORK_TIMEOUT), clock)),
                new GcpTokenCache(paths.gcpTokenCacheFile()), subjectTokens,
                adcLocations, new AdcFileWriter(),
                target -> Launcher.current().forGoogleExecutable(subjectTokenArguments(target.name())), clock));
        this.executableSubjectTokens = new ExecutableSubjectTokens(issuers, tokenCache, sessions, clock);
    }

    /** {@code gcp subject-token NAME}, with the variables of {@link #PINNED_VARIABLES} this process has. */
    private String[] subjectTokenArguments(String targetName) {
        List<String> args = new ArrayList<>(List.of("gcp", "subject-token", targetName));
        for (String variable : PINNED_VARIABLES) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                args.addAll(List.of("--env", variable + "=" + value));
            }
        }
        return args.toArray(String[]::new);
    }

    /** Renews what is about to expire; the desktop app calls it on a schedule. */
    public CredentialRenewer renewer() {
        return renewer(CredentialRenewer.DEFAULT_LEAD);
    }

    /** Renews what expires within {@code lead}; the background agent may be given its own lead. */
    public CredentialRenewer renewer(Duration lead) {
        return new CredentialRenewer(issuers, sessions(), targets, kinds, clock, lead);
    }

    /** Installs the background agent for this OS: a systemd user unit, a launchd agent or a Windows task. */
    public AgentInstaller agentInstaller() {
        return new AgentInstaller(AgentDefinitions.forSystem(System.getProperty("os.name", ""), env,
                Launcher.current().programWords("agent", "run")), new SystemCommands(env));
    }

    /** Reads what fedcred's files say about every issuer and target now. */
    public StatusReader statusReader() {
        return new StatusReader(settings, issuers, sessions, targets, kinds);
    }

    /**
     * fedcred's state for the desktop app, read again whenever this or another process changes it,
     * with renewal on a schedule while it holds the renewer seat (the background agent may hold it). Not started: the caller starts and closes it.
     */
    public LiveStatus liveStatus() {
        return new LiveStatus(statusReader(), this::renewer, sessions,
                List.of(paths.settingsFile(), paths.tokenCacheFile(), paths.awsSessionCacheFile(),
                        paths.gcpTokenCacheFile(), paths.kubeTokenCacheFile(), awsFiles.credentialsFile(),
                        awsFiles.configFile(), kubeconfig.path()),
                StateFileWatch.DEFAULT_EVERY, LiveStatus.RENEWAL_CHECK_EVERY,
                RenewerSeat.in(paths, RenewerSeat.APP, clock));
    }

    /** Adds, changes, renames and removes issuers; an issuer that goes is signed out. */
    public IssuerEditor issuerEditor() {
        return new IssuerEditor(settings, sessions);
    }

    /** Signs out of an issuer, forgetting its targets' cached credentials and, on request, what fedcred wrote for them. */
    public SignOut signOut() {
        return new SignOut(sessions(), issuerTargets, targetCredentials);
    }

    /** Adds, changes and deletes targets, forgetting the credentials cached for what changed. */
    public TargetEditor targetEditor() {
        return new TargetEditor(targets, kinds);
    }

    /** Checks the user's side of every target, or one: `fedcred doctor` and the window's Check. */
    public Doctor doctor() {
        return new Doctor(env, clock, paths, issuers, sessions, targets, kinds, () -> keychain,
                () -> settings.load().keychain());
    }

    public static FedcredContext fromSystem() {
        return fromSystem(Map.of());
    }

    /** The system's, with {@code overrides} (the pinned variables of an executable source's command) over it. */
    public static FedcredContext fromSystem(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(overrides);
        return new FedcredContext(env, Clock.systemUTC(), new SystemBrowser());
    }

    /** The environment this context was built from. */
    public Map<String, String> environment() {
        return env;
    }

    /** The executable ADC source's answers: the ID token as Google's executable response. */
    public ExecutableSubjectTokens executableSubjectTokens() {
        return executableSubjectTokens;
    }

    public FedcredPaths paths() {
        return paths;
    }

    public Clock clock() {
        return clock;
    }

    public BrowserOpener browser() {
        return browser;
    }

    public int sandboxPort() {
        return sandboxPort;
    }

    public SettingsStore settings() {
        return settings;
    }

    public IssuerRegistry issuers() {
        return issuers;
    }

    public IdentitySessions sessions() {
        return sessions.get();
    }

    /** The setting that keeps refresh tokens in the OS keychain instead of the token file. */
    public KeychainSetting keychain() {
        return keychain;
    }

    public TargetRegistry targets() {
        return targets;
    }

    /** The kinds of target, and for any target its kind's operations. */
    public TargetKinds kinds() {
        return kinds;
    }

    public AwsCredentialService aws() {
        return aws.get();
    }

    /** The AWS set-up generated from the stored sign-in, for `setup aws` and the window. */
    public dev.fedcred.core.aws.targetsetup.AwsTargetSetup awsSetup() {
        return new dev.fedcred.core.aws.targetsetup.AwsTargetSetup(targets(), kinds(), issuers(), sessions());
    }

    /** The GCP set-up of a target, for the window's "Set up in the cloud". */
    public dev.fedcred.core.gcp.targetsetup.GcpTargetSetup gcpSetup() {
        return new dev.fedcred.core.gcp.targetsetup.GcpTargetSetup(targets(), kinds(), issuers(), sessions());
    }

    /** Signs AWS targets of any kind in to the AWS console (the CLI's `aws console`). */
    public AwsConsoleSignIn awsConsole() {
        return new AwsConsoleSignIn(clock);
    }

    private ChainedRoleService chainedRoles() {
        return chainedRoles.get();
    }

    /** Kubernetes tokens for kubectl's exec plugin: cached while fresh, else made from the target's source. */
    public KubeCredentialService kube() {
        return kube.get();
    }

    /** The kubeconfig kubectl writes to (KUBECONFIG's first file, else ~/.kube/config). */
    public KubeconfigFile kubeconfig() {
        return kubeconfig;
    }

    /** KUBERNETES_EXEC_INFO as kubectl set it for its exec plugin; null when absent. */
    public String kubeExecInfo() {
        return kubeExecInfo;
    }

    /** The set-up a cluster needs to accept a Kubernetes target's tokens. */
    public KubeSetup kubeSetup() {
        return new KubeSetup(new KubeSources(this::findTarget, this::kinds));
    }

    private Optional<Target> findTarget(String name) {
        return targets.find(name);
    }

    /** credential_process profiles for the AWS config file: the snippet, and writing it there. */
    public ProcessProfiles processProfiles() {
        return new ProcessProfiles(targets, awsProfiles.get());
    }

    public GcpCredentialService gcp() {
        return gcp.get();
    }

    /** The HTTPS port of the sandbox's GCP emulator, which the built-in sandbox-gcp target uses. */
    public int sandboxGcpPort() {
        return sandboxGcpPort;
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new FedcredException(variable + " must be a port number, not " + OutsideText.quoted(value)
                    + "; set it to a free port such as 9750, or unset it.");
        }
    }
}
