package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.gcp.WrittenAdc;
import dev.fedcred.core.targets.GcpWorkloadTarget;
import dev.fedcred.core.targets.TargetRegistry;
import dev.fedcred.sandbox.SandboxGcp;
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
                + "; `" + Launcher.current().forPeople("gcp", "remove", target.name()) + "` puts it back."));
        out.println("Wrote Application Default Credentials to " + written.adcFile() + " for " + written.token().principal()
                + " (ID token in " + written.subjectTokenFile() + ").");
        out.println("Access token expires " + written.token().expiresAt() + " (in " + left(written.token().expiresAt())
                + "); the ID token it is made from expires " + written.idTokenExpiresAt() + " (in "
                + left(written.idTokenExpiresAt()) + "), and fedcred rewrites it on every renewal.");
        String adc = ShellWords.quoted(written.adcFile().toString());
        out.println("Use it with: GOOGLE_APPLICATION_CREDENTIALS=" + adc + " (Google's libraries),"
                + " `gcloud auth login --cred-file=" + adc + "`, or"
                + " CLOUDSDK_AUTH_ACCESS_TOKEN=$(" + Launcher.current().forPeople("gcp", "print-access-token", target.name()) + ").");
        if (target.trustedCaFile() != null) {
            out.println(trustHint(target));
        }
    }

    /**
     * Endpoints behind their own CA (the sandbox's) are trusted by Python (requests), Node and gcloud
     * only when told; Python's google-auth also asks Cloud Resource Manager for the project unless named.
     */
    private static String trustHint(GcpWorkloadTarget target) {
        String ca = ShellWords.quoted(target.trustedCaFile().toString());
        boolean sandbox = TargetRegistry.SANDBOX_GCP.equals(target.name());
        return "Its endpoints use " + (sandbox ? "the sandbox's own CA" : "their own CA") + "; for Python, Node and gcloud first run:"
                + " export REQUESTS_CA_BUNDLE=" + ca + " NODE_EXTRA_CA_CERTS=" + ca + " CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE=" + ca
                + (sandbox ? " GOOGLE_CLOUD_PROJECT=" + SandboxGcp.PROJECT_ID : "");
    }

    private String left(Instant expiresAt) {
        Duration left = Duration.between(context.clock().instant(), expiresAt);
        return TokenSummary.humanDuration(left.isNegative() ? Duration.ZERO : left);
    }
}
