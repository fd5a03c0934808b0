package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.CredentialsException;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.kube.KubeHandouts;
import dev.fedcred.core.kube.KubeKind;
import dev.fedcred.core.kube.KubeRefusalAdvice;
import dev.fedcred.core.kube.KubeTarget;
import dev.fedcred.core.kube.KubeToken;
import dev.fedcred.core.kube.KubeconfigFile;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.session.BrowserSignIn;
import dev.fedcred.core.targets.TargetValidation;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** kubectl's exec credential plugin and the kubeconfig entries that run it. */
@Command(name = "kube", description = "Kubernetes: tokens for kubectl (EKS, GKE, OIDC clusters) and its kubeconfig.",
        subcommands = {KubeCommand.Credential.class, KubeCommand.Config.class, KubeCommand.Setup.class})
final class KubeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(Terminal.out(spec));
    }

    static KubeTarget target(FedcredContext context, String name) {
        return context.kinds().as(context.targets().resolve(name), KubeTarget.class)
                .orElseThrow(() -> new FedcredException("The target \"" + name + "\" is not a Kubernetes cluster; this"
                        + " command is for Kubernetes targets (add one with `" + Launcher.current().forPeople()
                        + " targets add kubernetes NAME source=AWS_OR_GCP_TARGET cluster=CLUSTER`)."));
    }

    @Command(name = "credential", description = {
            "Print a Kubernetes target's token as kubectl's exec plugin does.",
            "An ExecCredential of client.authentication.k8s.io/v1, or v1beta1 when KUBERNETES_EXEC_INFO asks for it.",
            "Answers from the cache while the token is fresh; renews through the refresh token; never opens a browser:"
                    + " exits 3 with what to run when a sign-in is needed.",
            "When kubectl asks again for the token it was just given (its cluster refused it), says on stderr what the"
                    + " token was made for and what must match, and makes a new one."})
    static final class Credential implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TARGET")
        String targetName;

        private final FedcredContext context;

        Credential(FedcredContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            KubeTarget target = target(context, targetName);
            Optional<KubeHandouts.Caller> kubectl = CachedKubeCredential.kubectl(context);
            KubeHandouts handouts = CachedKubeCredential.handouts(context);
            Optional<KubeToken> given = context.kube().reusable(target);
            KubeHandouts.Call call = kubectl.isPresent() && given.isPresent()
                    ? handouts.call(target.name(), kubectl.get(), given.get()) : KubeHandouts.Call.FIRST;
            if (call != KubeHandouts.Call.FIRST) {
                // the refused token is not given again
                context.kube().forget(target);
            }
            if (call == KubeHandouts.Call.REFUSED) {
                // kubectl shows this on stderr before its own "Unauthorized"; once per kubectl, which retries each request
                Terminal.err(spec).println("fedcred: " + KubeRefusalAdvice.of(target, given.get(),
                        context.issuers().resolve(context.targets().issuerOf(target))));
                Terminal.err(spec).flush();
            }
            KubeToken token;
            try {
                token = context.kube().current(target);
            } catch (FedcredException e) {
                if (!BrowserSignIn.isNeededFor(e)) {
                    throw e;
                }
                // kubectl shows this on stderr: what fedcred said (it names the login command), and what then
                throw new CredentialsException(CredentialsException.Remedy.SIGN_IN_AGAIN,
                        e instanceof CredentialsException refused ? refused.errorCode() : null,
                        "Cannot get a Kubernetes token for " + target.name() + ": " + e.getMessage()
                                + " Then run kubectl again.", e);
            }
            Terminal.out(spec).println(ExecCredentialJson.of(token, ExecCredentialJson.ExecInfo.from(context.kubeExecInfo())));
            Terminal.out(spec).flush();
            KubeToken handed = token;
            kubectl.ifPresent(caller -> handouts.record(target.name(), caller, handed, call != KubeHandouts.Call.FIRST));
            return ExitCodes.OK;
        }
    }

    @Command(name = "config", description = {
            "Add the target's user, cluster and context to the kubeconfig.",
            "The user runs `fedcred kube credential TARGET` as its exec plugin; the file is KUBECONFIG's first, else"
                    + " ~/.kube/config.",
            "Other clusters, users and contexts and the current context stay; a user fedcred did not write is replaced"
                    + " only with --force; the first change keeps a backup of the file."})
    static final class Config implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TARGET")
        String targetName;

        @Option(names = "--cluster", paramLabel = "CLUSTER", description = "the kubeconfig's cluster entry (default: the target's cluster, else its name)")
        String cluster;

        @Option(names = "--server", paramLabel = "URL", description = "the API server's https URL (default: the target's)")
        String server;

        @Option(names = "--certificate-authority", paramLabel = "FILE", description = "the API server's CA file (default: the target's)")
        Path certificateAuthority;

        @Option(names = "--context", paramLabel = "CONTEXT", description = "the context's name (default: the target's context, else its name)")
        String contextName;

        @Option(names = "--force", description = "replace a user of the same name that fedcred did not write")
        boolean force;

        @Option(names = "--print", description = "print the kubeconfig with the entries added instead of writing it")
        boolean print;

        private final FedcredContext context;

        Config(FedcredContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            KubeTarget target = target(context, targetName);
            String url = server != null ? server : target.server();
            if (url == null) {
                throw new FedcredException("The target " + target.name() + " names no API server: add --server"
                        + " https://… (the cluster's endpoint).");
            }
            TargetValidation.firstProblem(context.kinds().of(new KubeTarget(target.name(), target.source(),
                    target.issuerName(), cluster != null ? cluster : target.cluster(), url, null, null)).problems());
            KubeconfigFile file = context.kubeconfig();
            KubeconfigFile.Entries entries = new KubeconfigFile.Entries(target.name(), KubeKind.userName(target),
                    cluster != null ? cluster : target.clusterName(), url,
                    certificateAuthority != null ? certificateAuthority : target.certificateAuthority(),
                    contextName != null ? contextName : target.contextName(),
                    Launcher.current().programWords("kube", "credential", target.name()));
            if (print) {
                Terminal.out(spec).print(file.merged(entries, force));
                Terminal.out(spec).flush();
                return ExitCodes.OK;
            }
            file.write(entries, force);
            Terminal.out(spec).println("Added the user " + entries.user() + ", the cluster " + entries.cluster()
                    + " and the context " + entries.context() + " to " + file.path() + ". Use it with `kubectl --context "
                    + entries.context() + " get pods`, or `kubectl config use-context " + entries.context() + "`.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "setup", description = {"Print what the cluster needs to accept the target's tokens.",
            "An EKS access entry, a GKE IAM binding, or the API server's OIDC flags, with the values fedcred knows."})
    static final class Setup implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "TARGET")
        String targetName;

        private final FedcredContext context;

        Setup(FedcredContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            KubeTarget target = target(context, targetName);
            IssuerConfig issuer = context.issuers().resolve(context.targets().issuerOf(target));
            context.kubeSetup().lines(target, issuer).forEach(Terminal.out(spec)::println);
            return ExitCodes.OK;
        }
    }
}
