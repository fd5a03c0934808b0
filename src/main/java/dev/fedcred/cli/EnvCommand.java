package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.AwsSessions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "env", description = {"Print `export AWS_...=` lines with a target's credentials, for shells.",
        "  eval \"$(fedcred env TARGET)\""})
final class EnvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET")
    String targetName;

    private final FedcredContext context;

    EnvCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AwsSessions.AwsSession target = TypedTargets.awsSession(context, targetName);
        AssumedRole role = target.current();
        PrintWriter out = Terminal.out(spec);
        export(out, "AWS_ACCESS_KEY_ID", role.accessKeyId());
        export(out, "AWS_SECRET_ACCESS_KEY", role.secretAccessKey());
        export(out, "AWS_SESSION_TOKEN", role.sessionToken());
        export(out, "AWS_CREDENTIAL_EXPIRATION", role.expiration().toString());
        if (target.region() != null) {
            // the AWS CLI v2 and most SDKs read AWS_REGION; botocore (boto3) and the AWS CLI v1 only AWS_DEFAULT_REGION
            export(out, "AWS_REGION", target.region());
            export(out, "AWS_DEFAULT_REGION", target.region());
        }
        return ExitCodes.OK;
    }

    /** Single quotes keep every character literal in POSIX shells; a quote inside is closed and escaped. */
    private static void export(PrintWriter out, String name, String value) {
        out.println("export " + name + "='" + value.replace("'", "'\\''") + "'");
    }
}
