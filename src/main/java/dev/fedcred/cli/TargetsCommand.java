package dev.fedcred.cli;

import dev.fedcred.core.launch.Launcher;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.fedcred.core.gcp.AdcSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "targets", description = "List, add and remove the cloud targets you get credentials for.",
        subcommands = {TargetsCommand.ListTargets.class, TargetKindsCommand.class, AddTargetCommand.class,
                TargetsCommand.AddAws.class, TargetsCommand.AddGcp.class, TargetsCommand.RemoveTarget.class})
final class TargetsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "Show every target, where its credentials go and its issuer.")
    static final class ListTargets implements Runnable {
        @Spec
        CommandSpec spec;
        private final FedcredContext context;

        ListTargets(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            PrintWriter out = Terminal.out(spec);
            out.printf("%-20s %-11s %-56s %-30s %s%n", "NAME", "KIND", "ROLE", "WRITES TO", "ISSUER");
            for (Target target : context.targets().all()) {
                String issuer = context.issuers().resolve(context.targets().issuerOf(target)).label();
                TargetKinds.Bound<?> kind = context.kinds().of(target);
                out.printf("%-20s %-11s %-56s %-30s %s%n", target.name(), kind.id(), kind.identity(),
                        kind.writesTo(), issuer);
            }
        }
    }

    @Command(name = "add-aws", description = "Add an IAM role to assume with your ID token (or replace one of the same name).")
    static final class AddAws implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "A short name, e.g. prod-readonly.")
        String name;

        @Option(names = "--role-arn", required = true, paramLabel = "ARN", description = "e.g. arn:aws:iam::123456789012:role/NAME")
        String roleArn;

        @Option(names = "--profile", required = true, paramLabel = "PROFILE", description = "AWS profile to write.")
        String profile;

        @Option(names = "--region", paramLabel = "REGION", description = "Region for STS and the profile (default: us-east-1 for STS, none in the profile).")
        String region;

        @Option(names = "--duration", paramLabel = "SECONDS", description = "Session duration, 900-43200 (default: ${DEFAULT-VALUE}).")
        long durationSeconds = AwsRoleTarget.DEFAULT_DURATION.toSeconds();

        @Option(names = "--session-name", paramLabel = "NAME", description = "Role session name (default: from the email or sub claim).")
        String sessionName;

        @Option(names = "--issuer", paramLabel = "NAME", description = "Issuer that signs in for this role (default: the default issuer).")
        String issuer;

        @Option(names = "--sts-endpoint", paramLabel = "URL", hidden = true, description = "Another STS endpoint, e.g. the sandbox's.")
        URI stsEndpoint;

        private final FedcredContext context;

        AddAws(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            if (issuer != null) {
                context.issuers().resolve(issuer);
            }
            AwsRoleTarget target = new AwsRoleTarget(name, roleArn, profile, region, Duration.ofSeconds(durationSeconds),
                    sessionName, issuer, stsEndpoint);
            context.targetEditor().save(target, name);
            Terminal.out(spec).println("Added target " + name + " (" + roleArn + " -> " + target.destination()
                    + "). Get credentials with `" + Launcher.current().forPeople() + " assume " + name + "`.");
        }
    }

    @Command(name = "add-gcp", description = {
            "Add a GCP workload identity pool provider that trusts your issuer (or replace a target of the same name)."})
    static final class AddGcp implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "A short name, e.g. gcp-dev.")
        String name;

        @Option(names = "--project-number", required = true, paramLabel = "N", description = "The pool's project number (digits).")
        String projectNumber;

        @Option(names = "--pool", required = true, paramLabel = "POOL", description = "Workload identity pool ID.")
        String pool;

        @Option(names = "--provider", required = true, paramLabel = "PROVIDER", description = "The pool's OIDC provider ID.")
        String provider;

        @Option(names = "--service-account", paramLabel = "EMAIL",
                description = "Service account to impersonate (default: none, use the federated token directly).")
        String serviceAccount;

        @Option(names = "--lifetime", paramLabel = "SECONDS",
                description = "Impersonated token lifetime, 600-43200 (default: ${DEFAULT-VALUE}).")
        long lifetimeSeconds = GcpWorkloadTarget.DEFAULT_LIFETIME.toSeconds();

        @Option(names = "--scope", paramLabel = "SCOPE", description = "OAuth scope; repeat for more (default: cloud-platform).")
        List<String> scopes = new ArrayList<>();

        @Option(names = "--adc", paramLabel = "PATH",
                description = "ADC file to write (default: $GOOGLE_APPLICATION_CREDENTIALS, else gcloud's).")
        Path adcFile;

        @Option(names = "--issuer", paramLabel = "NAME", description = "Issuer that signs in for this target (default: the default issuer).")
        String issuer;

        @Option(names = "--adc-source", paramLabel = "SOURCE", converter = AdcSourceWord.class, description =
                "executable (the ADC file runs fedcred and renews itself; Google's tools need"
                + " GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES=1) or file (fresh while fedcred renews). Default: executable.")
        AdcSource adcSource;

        @Option(names = "--sts-endpoint", paramLabel = "URL", hidden = true, description = "Another Google STS token URL.")
        URI stsEndpoint;

        @Option(names = "--iamcredentials-endpoint", paramLabel = "URL", hidden = true, description = "Another IAM Credentials base URL.")
        URI iamCredentialsEndpoint;

        @Option(names = "--ca-file", paramLabel = "PEM", hidden = true, description = "Trust only these CAs for the endpoints.")
        Path caFile;

        private final FedcredContext context;

        AddGcp(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            if (issuer != null) {
                context.issuers().resolve(issuer);
            }
            GcpWorkloadTarget target = new GcpWorkloadTarget(name, projectNumber, pool, provider, serviceAccount, scopes,
                    Duration.ofSeconds(lifetimeSeconds), adcFile == null ? null : adcFile.toAbsolutePath(), issuer,
                    stsEndpoint, iamCredentialsEndpoint, caFile == null ? null : caFile.toAbsolutePath(), adcSource);
            context.targetEditor().save(target, name);
            Terminal.out(spec).println("Added target " + name + " (" + target.audience() + (serviceAccount == null
                    ? "" : " as " + serviceAccount) + "). Write its ADC file with `" + Launcher.current().forPeople() + " assume " + name + "`.");
        }
    }

    /** executable or file, as settings.json has them. */
    static final class AdcSourceWord implements ITypeConverter<AdcSource> {
        @Override
        public AdcSource convert(String value) {
            try {
                return AdcSource.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    @Command(name = "remove", description = "Remove a target (its written profile or ADC file stays until `fedcred aws remove` or `fedcred gcp remove`).")
    static final class RemoveTarget implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        private final FedcredContext context;

        RemoveTarget(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            context.targetEditor().delete(name, false);
            Terminal.out(spec).println("Removed target " + name + ".");
        }
    }
}
