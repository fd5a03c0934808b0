package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.gcp.ExecutableRequestException;
import dev.fedcred.core.gcp.ExecutableResponse;
import dev.fedcred.core.gcp.ExecutableSubjectTokens;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.session.BrowserSignIn;
import dev.fedcred.core.text.OutsideText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command an ADC file's executable source runs: Google's executable response on stdout, and
 * nothing on stderr (the Java and Node libraries read both streams as one). A failure is a response
 * too, with a code and a message the libraries show, and a non-zero exit as the spec asks.
 */
@Command(name = "subject-token", description = {
        "Print the target's ID token as Google's executable-sourced credential response (JSON).",
        "It renews the ID token through the refresh token when due. ADC files with the executable source run this; Google's libraries",
        "and gcloud do so only with GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES=1. A failure prints success=false",
        "with a code and a message and exits 1, or 3 when a browser sign-in is needed."})
final class SubjectTokenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET")
    String targetName;

    /** Applied by {@code Main} before the context is built ({@link SubjectTokenArgs#pinned}); here for the help and the check. */
    @Option(names = SubjectTokenArgs.ENV_OPTION, paramLabel = "NAME=VALUE", description = "A variable that decides which fedcred"
            + " state to use (FEDCRED_HOME, FEDCRED_SANDBOX_PORT, FEDCRED_SANDBOX_GCP_PORT), as the process that wrote"
            + " the ADC file had it.")
    List<String> pinned = new ArrayList<>();

    private final FedcredContext context;

    SubjectTokenCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = Terminal.out(spec);
        try {
            SubjectTokenArgs.variables(pinned);
            GcpWorkloadTarget target = TypedTargets.gcp(context, targetName);
            ExecutableSubjectTokens tokens = context.executableSubjectTokens();
            tokens.check(target, context.environment());
            String response = tokens.renewed(target);
            tokens.keepOutput(context.environment(), response);
            out.println(response);
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            out.println(ExecutableResponse.failure(code(e), message(e)));
            return BrowserSignIn.isNeededFor(e) ? ExitCodes.NOT_SIGNED_IN : ExitCodes.FAILED;
        }
    }

    private static String code(RuntimeException failure) {
        if (failure instanceof ExecutableRequestException request) {
            return request.code();
        }
        return BrowserSignIn.isNeededFor(failure) ? "SIGN_IN_REQUIRED" : "FEDCRED_FAILED";
    }

    private static String message(RuntimeException failure) {
        String message = failure instanceof FedcredException ? failure.getMessage()
                : "fedcred failed unexpectedly (" + failure.getClass().getSimpleName() + ")";
        return "fedcred: " + OutsideText.neutralise(message);
    }
}
