package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.gcp.WrittenAdc;
import dev.fedcred.core.targets.GcpWorkloadTarget;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/** What `fedcred assume` says for a GCP target: where the files went, and how long each token lasts. */
final class GcpAssumeReport {
    private final FedcredContext context;
    private final PrintWriter out;

    GcpAssumeReport(FedcredContext context, PrintWriter out) {
        this.context = context;
        this.out = out;
    }

    void print(GcpWorkloadTarget target, WrittenAdc written) {
        written.backup().ifPresent(backup -> out.println("Kept the previous ADC file as " + backup
                + "; `fedcred gcp remove " + target.name() + "` puts it back."));
        out.println("Wrote Application Default Credentials to " + written.adcFile() + " for " + written.token().principal()
                + " (ID token in " + written.subjectTokenFile() + ").");
        out.println("Access token expires " + written.token().expiresAt() + " (in " + left(written.token().expiresAt())
                + "); the ID token it is made from expires " + written.idTokenExpiresAt() + " (in "
                + left(written.idTokenExpiresAt()) + "), and fedcred rewrites it on every renewal.");
        out.println("Use it with: GOOGLE_APPLICATION_CREDENTIALS=" + written.adcFile() + " (Google's libraries),"
                + " `gcloud auth login --cred-file=" + written.adcFile() + "`, or"
                + " CLOUDSDK_AUTH_ACCESS_TOKEN=$(fedcred gcp print-access-token " + target.name() + ").");
    }

    private String left(Instant expiresAt) {
        Duration left = Duration.between(context.clock().instant(), expiresAt);
        return TokenSummary.humanDuration(left.isNegative() ? Duration.ZERO : left);
    }
}
