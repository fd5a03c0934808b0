package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.gcp.setup.GcpSetup;
import dev.fedcred.core.gcp.setup.GcpSetupFacts;
import dev.fedcred.core.gcp.setup.SetupDocument;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.gcp.setup.GcpProviderCheck;
import dev.fedcred.core.text.OutsideText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "gcp", description = {
        "Print the gcloud commands or Terraform that set up workload identity federation for a GCP target.",
        "They are made from your signed-in ID token's claims: the services, the pool, the OIDC provider trusting"
        + " your token's issuer with its aud as allowed audience, and the service account's"
        + " roles/iam.workloadIdentityUser binding for your principal://. Without TARGET, give --project-number,"
        + " --pool and --provider."})
final class SetupGcpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "A GCP target (else the options below).")
    String targetName;

    @Option(names = "--project-number", paramLabel = "N", description = "The project's number (without TARGET).")
    String projectNumber;

    @Option(names = "--pool", paramLabel = "POOL", description = "The workload identity pool ID (without TARGET).")
    String pool;

    @Option(names = "--provider", paramLabel = "PROVIDER", description = "The provider ID (without TARGET).")
    String provider;

    @Option(names = "--service-account", paramLabel = "EMAIL", description = "The service account to impersonate"
            + " (default: the target's).")
    String serviceAccount;

    @Option(names = "--issuer", paramLabel = "NAME", description = "Whose sign-in to use (default: the target's issuer,"
            + " else the default issuer).")
    String issuerName;

    @Option(names = "--project-id", paramLabel = "ID", description = "The project's ID, which gcloud's --project"
            + " wants (default: looked up from the number by the first command).")
    String projectId;

    @Option(names = "--whole-pool", description = "Bind every identity of the pool (principalSet://…/*) instead of"
            + " only your principal://…/subject/SUB.")
    boolean wholePool;

    @Option(names = "--condition", paramLabel = "KIND", defaultValue = "NONE", description = "An attribute condition"
            + " on the provider: ${COMPLETION-CANDIDATES} (email: only tokens with your email; subject: only your sub).",
            converter = ConditionConverter.class, completionCandidates = ConditionConverter.Names.class)
    GcpSetupFacts.Condition condition;

    @Option(names = "--terraform", description = "Print the Terraform configuration instead of the gcloud commands.")
    boolean terraform;

    @Option(names = "--check", paramLabel = "FILE", description = "Instead, check a provider as `gcloud iam"
            + " workload-identity-pools providers describe PROVIDER --format=json` prints it against your token, naming"
            + " each part that would refuse it; exits 1 when one does.")
    Path check;

    private final FedcredContext context;

    SetupGcpCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        GcpWorkloadTarget target = target();
        IssuerConfig issuer = context.issuers().resolve(issuerName != null ? issuerName : target.issuer());
        Optional<TokenSet> tokens = context.sessions().current(issuer.name());
        if (tokens.isEmpty()) {
            CachedTokens.reportNotSignedIn(spec, issuer.name());
            return ExitCodes.NOT_SIGNED_IN;
        }
        GcpSetupFacts facts = GcpSetupFacts.of(target, tokens.get(), projectId, wholePool, condition);
        if (check != null) {
            return check(facts);
        }
        List<SetupDocument> documents = terraform ? List.of(GcpSetup.terraform(facts)) : GcpSetup.gcloud(facts);
        PrintWriter out = Terminal.out(spec);
        for (SetupDocument document : documents) {
            // both languages take # comments; notes are neutralised, so none ends its comment early
            if (!terraform) {
                out.println("# " + document.title());
            }
            document.notes().forEach(note -> out.println("# " + note));
            out.println(document.text());
            out.println();
        }
        return ExitCodes.OK;
    }

    private int check(GcpSetupFacts facts) {
        JsonNode provider;
        try {
            provider = Json.MAPPER.readTree(BoundedFiles.read(check, FileSizeLimit.ADC_FILE));
        } catch (IOException e) {
            throw new FedcredException("Cannot read " + check + " as JSON (" + OutsideText.shown(e.getMessage())
                    + "); save it with `gcloud iam workload-identity-pools providers describe PROVIDER --location=global"
                    + " --workload-identity-pool=POOL --format=json > FILE`.", e);
        }
        List<String> findings = GcpProviderCheck.findings(provider, facts);
        PrintWriter out = Terminal.out(spec);
        if (findings.isEmpty()) {
            out.println("The provider accepts your token (issuer, audience, mapping and condition all fit).");
            return ExitCodes.OK;
        }
        findings.forEach(finding -> out.println("- " + finding));
        return ExitCodes.FAILED;
    }

    /** The named target with --service-account applied, or one made of the options. */
    private GcpWorkloadTarget target() {
        if (targetName != null) {
            if (projectNumber != null || pool != null || provider != null) {
                throw new FedcredException("Give either TARGET or --project-number, --pool and --provider, not both.");
            }
            GcpWorkloadTarget named = TypedTargets.gcp(context, targetName);
            return serviceAccount == null ? named : new GcpWorkloadTarget(named.name(), named.projectNumber(),
                    named.poolId(), named.providerId(), serviceAccount, named.scopes(), named.tokenLifetime(),
                    named.adcFile(), named.issuer(), named.stsEndpoint(), named.iamCredentialsEndpoint(),
                    named.trustedCaFile());
        }
        if (projectNumber == null || pool == null || provider == null) {
            throw new FedcredException("Name a GCP target, or give --project-number, --pool and --provider"
                    + " (and --service-account to impersonate one).");
        }
        if (!projectNumber.matches("[0-9]{1,19}")) {
            throw new FedcredException("--project-number takes the project's number (digits), was " + projectNumber
                    + "; the ID goes in --project-id.");
        }
        return new GcpWorkloadTarget("setup", projectNumber, pool, provider, serviceAccount, List.of(), null, null,
                null, null, null, null);
    }
}
