package dev.fedcred.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.Json;
import dev.fedcred.core.aws.setup.SetupDocument;
import dev.fedcred.core.aws.setup.TrustPolicyCheck;
import dev.fedcred.core.aws.targetsetup.AwsTargetSetup;
import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.text.OutsideText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "aws", description = {
        "Print the IAM set-up that lets your signed-in token assume a role.",
        "The role's trust policy, the AWS CLI commands (with the IAM OIDC identity",
        "provider for an issuer other than Google), a CloudFormation template and",
        "Terraform, all with your issuer, client ID and account. For a chained",
        "target: the target role's trust policy for the source role's sessions.",
        "With --check FILE: evaluate the role's present trust policy against your",
        "token (for a chained target: its source's session) and name each",
        "condition that fails. Get FILE with",
        "  aws iam get-role --role-name NAME \\",
        "    --query Role.AssumeRolePolicyDocument --output json > FILE"})
final class SetupAwsCommand implements Callable<Integer> {
    enum Format { json, commands, cloudformation, terraform, all }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET", description = "An AWS target (or chained role target).")
    String targetName;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "A role that is not a target yet.")
    String roleArn;

    @Option(names = "--issuer", paramLabel = "NAME", description = "With --role-arn: the issuer whose tokens the role trusts (default: the default issuer).")
    String issuerName;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "all",
            description = "json (the trust policy), commands, cloudformation, terraform or all (default).")
    Format format;

    @Option(names = "--with-sub", description = "Let only you (your token's sub) assume the role, not every user of the client.")
    boolean withSub;

    @Option(names = {"--check", "--check-policy"}, paramLabel = "FILE", description = "Check this trust policy against your token instead.")
    Path check;

    private final FedcredContext context;

    SetupAwsCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if ((targetName == null) == (roleArn == null)) {
            throw new FedcredException("Give either a TARGET or --role-arn ARN (for a role that is not a target yet).");
        }
        if (targetName != null && issuerName != null) {
            throw new FedcredException("--issuer goes with --role-arn; a target names its own issuer.");
        }
        AwsTargetSetup setup = context.awsSetup();
        PrintWriter out = Terminal.out(spec);
        if (check != null) {
            JsonNode policy = readPolicy(check);
            TrustPolicyCheck.Verdict verdict = targetName != null ? setup.check(targetName, policy)
                    : setup.checkRole(roleArn, issuerName, policy);
            if (verdict.allowed()) {
                out.println("The trust policy in " + check + " lets " + verdict.caller() + " assume the role.");
                return ExitCodes.OK;
            }
            out.println("The trust policy in " + check + " does not let " + verdict.caller() + " assume the role:");
            verdict.findings().forEach(finding -> out.println("  " + finding));
            return ExitCodes.FAILED;
        }
        List<SetupDocument> documents = targetName != null ? setup.forTarget(targetName, withSub)
                : setup.forRole(roleArn, issuerName, withSub);
        for (SetupDocument document : documents) {
            if (format == Format.all) {
                out.println("===== " + document.title() + " (save as " + document.fileName() + ") =====");
                out.print(document.text());
                out.println();
            } else if (document.format().name().equalsIgnoreCase(format.name())) {
                out.print(document.text());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static JsonNode readPolicy(Path file) {
        try {
            return Json.MAPPER.readTree(BoundedFiles.readString(file, FileSizeLimit.TRUST_POLICY));
        } catch (JsonProcessingException e) {
            throw new FedcredException(file + " is not a JSON trust policy (" + OutsideText.shown(e.getOriginalMessage())
                    + "). Save it with `aws iam get-role --role-name NAME --query Role.AssumeRolePolicyDocument --output json`.", e);
        } catch (IOException e) {
            throw new FedcredException("Cannot read " + file + ": " + OutsideText.shown(e.getMessage()), e);
        }
    }
}
