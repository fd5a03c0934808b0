package dev.fedcred.core.gcp;

import dev.fedcred.core.targets.NotWrittenByFedcredException;
import dev.fedcred.core.targets.TargetPresentation;
import dev.fedcred.core.targets.TargetPresentation.Line;
import dev.fedcred.core.targets.TargetPresentation.Question;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the desktop window's row says about a workload identity provider whose credentials go to an ADC file. */
final class GcpWorkloadRow {
    static final String GET = "Get credentials";
    static final String NO_SERVICE_ACCOUNT = "federated token, no service account";

    private GcpWorkloadRow() {
    }

    static TargetPresentation of(GcpWorkloadTarget gcp, Path file) {
        String provider = gcp.projectNumber() + " / " + gcp.poolId() + " / " + gcp.providerId();
        String name = gcp.name();
        return new TargetPresentation(
                List.of(new Line("Workload identity provider " + provider, "Workload identity provider " + gcp.audience()),
                        new Line(gcp.serviceAccount() == null ? NO_SERVICE_ACCOUNT
                                : "Service account " + gcp.serviceAccount(), null),
                        new Line("→ Google ADC " + file, null),
                        sourceLine(gcp, file)),
                GET, "Google Cloud credentials", "Remove credentials",
                "Getting credentials for " + name + "…", "Removing the Google ADC file for " + name + "…",
                new Question("Remove credentials", "Remove the Google ADC file " + file + " that fedcred wrote for "
                        + name + "? A file fedcred replaced is put back.",
                        "Confirm removing credentials " + name, "Keep credentials " + name),
                "Also remove the Google ADC file " + file + " if fedcred wrote it for " + name
                        + " (a file it replaced is put back)",
                "The Google ADC file is not there; " + GET + " writes it.");
    }

    static final String EXECUTABLE_LINE = "Renews itself; Google's tools need "
            + ExecutableSubjectTokens.ALLOW_VARIABLE + "=1";
    static final String FILE_LINE = "ID token file: fresh while fedcred renews it";

    /** How the ADC file gets its ID tokens, and the opt-in the executable source needs. Reads the file. */
    private static Line sourceLine(GcpWorkloadTarget gcp, Path file) {
        Optional<String> existing;
        try {
            existing = AdcFileWriter.readIfExists(file);
        } catch (RuntimeException unreadable) {
            existing = Optional.empty();
        }
        return GcpCredentialService.sourceFor(gcp, existing) == AdcSource.EXECUTABLE
                ? new Line(EXECUTABLE_LINE, "The ADC file runs fedcred for each ID token and renews itself; Google's"
                        + " libraries and gcloud run it only with " + ExecutableSubjectTokens.ALLOW_VARIABLE
                        + " set to 1 in their environment")
                : new Line(FILE_LINE, "The ADC file reads an ID token file that stays fresh while fedcred renews it");
    }

    /**
     * Only a file fedcred did not write at all is worth asking about; one written for another target
     * says in its refusal which target to remove it with. Reads the file.
     */
    static Optional<TargetPresentation.ReplaceQuestion> replaceQuestion(GcpWorkloadTarget gcp,
                                                                        NotWrittenByFedcredException refusal) {
        Path file = refusal.file();
        if (!foreign(file)) {
            return Optional.empty();
        }
        String text = "The file " + file + " was not written by fedcred. Replace it? fedcred keeps a backup"
                + " and restores it when you remove its credentials.";
        return Optional.of(new TargetPresentation.ReplaceQuestion(new Question("Replace Google ADC", text,
                "Replace ADC file for " + gcp.name(), "Keep ADC file for " + gcp.name()),
                "Kept your file " + file + "; fedcred wrote nothing."));
    }

    private static boolean foreign(Path file) {
        try {
            return AdcFileWriter.readIfExists(file).map(text -> ExternalAccountAdc.managedBy(text).isEmpty()).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
