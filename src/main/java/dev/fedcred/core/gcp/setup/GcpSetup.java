package dev.fedcred.core.gcp.setup;

import dev.fedcred.core.text.OutsideText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Google Cloud side of a workload identity target, generated from the signed-in token and the
 * target: the gcloud commands (services, pool, OIDC provider, the service account's
 * workloadIdentityUser binding) and the same as Terraform. Every value from the token is quoted for
 * the language it lands in ({@link SetupQuoting}); notes are neutralised for display.
 */
public final class GcpSetup {

    /** The services workload identity federation calls: IAM, IAM Credentials (impersonation), STS. */
    public static final List<String> SERVICES =
            List.of("iam.googleapis.com", "iamcredentials.googleapis.com", "sts.googleapis.com");
    public static final String WORKLOAD_IDENTITY_USER = "roles/iam.workloadIdentityUser";
    private static final String PROJECT_VARIABLE = "\"$PROJECT_ID\"";

    private GcpSetup() {
    }

    /** The documents in the order they are applied: the gcloud commands, then Terraform. */
    public static List<SetupDocument> documents(GcpSetupFacts facts) {
        List<SetupDocument> documents = new ArrayList<>(gcloud(facts));
        documents.add(terraform(facts));
        return List.copyOf(documents);
    }

    /** The gcloud commands, one document per step. */
    public static List<SetupDocument> gcloud(GcpSetupFacts facts) {
        List<SetupDocument> steps = new ArrayList<>();
        String project = facts.projectId() == null ? PROJECT_VARIABLE : SetupQuoting.shell(facts.projectId());
        if (facts.projectId() == null) {
            steps.add(new SetupDocument("Find the project's ID (gcloud's --project wants the ID, not the number)",
                    SetupDocument.Format.SHELL,
                    "PROJECT_ID=\"$(gcloud projects describe " + SetupQuoting.shell(facts.projectNumber())
                            + " --format='value(projectId)')\"",
                    List.of("The commands below use $PROJECT_ID: run them in the same shell, or pass --project-id.")));
        }
        steps.add(new SetupDocument("Enable the services workload identity federation uses", SetupDocument.Format.SHELL,
                command(List.of("gcloud", "services", "enable"), SERVICES, "--project=" + project), List.of()));
        steps.add(new SetupDocument("Create the workload identity pool", SetupDocument.Format.SHELL,
                command(List.of("gcloud", "iam", "workload-identity-pools", "create", SetupQuoting.shell(facts.poolId())),
                        List.of(), "--project=" + project, SetupQuoting.shell("--location=global")), List.of()));
        steps.add(new SetupDocument("Create the OIDC provider that trusts " + OutsideText.neutralise(facts.issuer()),
                SetupDocument.Format.SHELL, providerCommand(facts, project), providerNotes(facts)));
        if (facts.serviceAccount() != null) {
            steps.add(new SetupDocument("Let " + (facts.wholePool() ? "every identity of the pool" : "this identity")
                    + " impersonate " + OutsideText.neutralise(facts.serviceAccount()), SetupDocument.Format.SHELL,
                    command(List.of("gcloud", "iam", "service-accounts", "add-iam-policy-binding",
                                    SetupQuoting.shell(facts.serviceAccount())), List.of(), "--project=" + project,
                            SetupQuoting.shell("--role=" + WORKLOAD_IDENTITY_USER),
                            SetupQuoting.shell("--member=" + facts.member())),
                    List.of("The member is " + OutsideText.neutralise(facts.member()) + ".")));
        }
        return List.copyOf(steps);
    }

    /** The attribute mapping: google.subject from sub, and attribute.email from email when the token has one. */
    public static Map<String, String> attributeMapping(GcpSetupFacts facts) {
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("google.subject", "assertion.sub");
        if (facts.email() != null) {
            mapping.put("attribute.email", "assertion.email");
        }
        return mapping;
    }

    /** The CEL attribute condition, or null for none. */
    public static String attributeCondition(GcpSetupFacts facts) {
        return switch (facts.condition()) {
            case NONE -> null;
            case EMAIL -> "assertion.email == " + SetupQuoting.cel(facts.email());
            case SUBJECT -> "assertion.sub == " + SetupQuoting.cel(facts.subject());
        };
    }

    private static String providerCommand(GcpSetupFacts facts, String project) {
        List<String> flags = new ArrayList<>(List.of("--project=" + project, SetupQuoting.shell("--location=global"),
                SetupQuoting.shell("--workload-identity-pool=" + facts.poolId()),
                SetupQuoting.shell("--issuer-uri=" + facts.issuer()),
                SetupQuoting.shell("--allowed-audiences=" + SetupQuoting.gcloudList(List.of(facts.audience()))),
                SetupQuoting.shell("--attribute-mapping=" + mappingFlag(attributeMapping(facts)))));
        String condition = attributeCondition(facts);
        if (condition != null) {
            flags.add(SetupQuoting.shell("--attribute-condition=" + condition));
        }
        return command(List.of("gcloud", "iam", "workload-identity-pools", "providers", "create-oidc",
                SetupQuoting.shell(facts.providerId())), List.of(), flags.toArray(String[]::new));
    }

    private static List<String> providerNotes(GcpSetupFacts facts) {
        return List.of("The allowed audience is the token's aud, " + OutsideText.neutralise(facts.audience())
                + ": a Google ID token carries the OAuth client ID as aud, and a provider with no allowed audiences"
                + " accepts only its own resource name, so without this flag Google STS refuses every sign-in"
                + " (invalid_grant: the audience does not match).");
    }

    private static String mappingFlag(Map<String, String> mapping) {
        List<String> pairs = new ArrayList<>();
        mapping.forEach((key, value) -> pairs.add(key + "=" + value));
        return String.join(",", pairs);
    }

    /** The words (already quoted) as one command, a flag per line. */
    private static String command(List<String> words, List<String> arguments, String... flags) {
        StringBuilder text = new StringBuilder(String.join(" ", words));
        for (String argument : arguments) {
            text.append(' ').append(SetupQuoting.shell(argument));
        }
        for (String flag : flags) {
            text.append(" \\\n    ").append(flag);
        }
        return text.toString();
    }

    /** The same set-up as one Terraform configuration for the google provider. */
    public static SetupDocument terraform(GcpSetupFacts facts) {
        return new SetupDocument("The same as Terraform", SetupDocument.Format.TERRAFORM,
                GcpTerraform.configuration(facts), providerNotes(facts));
    }
}
