package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.AssumedRole;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The AWS CLI's and SDKs' {@code credential_process}: prints the credentials as the JSON they
 * read, reusing fresh ones and renewing through the refresh token, never opening a browser.
 * Fresh cached credentials are usually answered by {@link CachedCredentialProcess} first.
 */
@Command(name = "credential-process", description = {
        "Print credentials for an AWS target as credential_process JSON (for ~/.aws/config).",
        "Reuses unexpired credentials; renews through the refresh token; exits 3 when a browser sign-in is needed."})
final class CredentialProcessCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET")
    String targetName;

    private final FedcredContext context;

    CredentialProcessCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        AssumedRole role = TypedTargets.awsSession(context, targetName).current();
        Terminal.out(spec).println(CredentialProcessJson.of(role));
        return ExitCodes.OK;
    }
}
