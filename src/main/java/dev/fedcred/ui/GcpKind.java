package dev.fedcred.ui;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.gcp.WrittenAdc;
import dev.fedcred.core.gcp.adc.AdcFileWriter;
import dev.fedcred.core.gcp.adc.AdcNotManagedException;
import dev.fedcred.core.gcp.adc.ExternalAccountAdc;
import dev.fedcred.core.targets.GcpWorkloadTarget;
import java.nio.file.Path;
import java.util.List;

/**
 * A Google Cloud workload identity provider: the ID token exchanged for an access token (proof
 * the setup works) and an Application Default Credentials file written for gcloud and Google's
 * libraries. The access token never shows.
 */
final class GcpKind implements TargetKind {
    static final String GET = "Get credentials";
    static final String REMOVE_CREDENTIALS = "Remove credentials";
    static final String NO_SERVICE_ACCOUNT = "federated token, no service account";

    private final GcpWorkloadTarget gcp;

    GcpKind(GcpWorkloadTarget gcp) {
        this.gcp = gcp;
    }

    @Override
    public List<Detail> details(TargetSnapshot snapshot) {
        String provider = gcp.projectNumber() + " / " + gcp.poolId() + " / " + gcp.providerId();
        return List.of(
                new Detail("Workload identity provider " + provider, "Workload identity provider " + gcp.audience()),
                new Detail(gcp.serviceAccount() == null ? NO_SERVICE_ACCOUNT : "Service account " + gcp.serviceAccount(),
                        null),
                new Detail("→ Google ADC " + snapshot.credentialsFile(), null));
    }

    @Override
    public String getLabel() {
        return GET;
    }

    @Override
    public String credentialsName() {
        return "Google Cloud credentials";
    }

    @Override
    public String removeLabel() {
        return REMOVE_CREDENTIALS;
    }

    @Override
    public String gettingMessage() {
        return "Getting credentials for " + gcp.name() + "…";
    }

    @Override
    public Got get(FedcredContext context, boolean force) {
        WrittenAdc written;
        try {
            written = context.gcp().assumeAndWrite(gcp, force);
        } catch (AdcNotManagedException e) {
            // the question is only for a file fedcred did not write; one another target wrote says so itself
            Path file = context.gcp().adcFile(gcp);
            if (foreign(file)) {
                throw new ForeignAdc(file, e);
            }
            throw e;
        }
        // only what may show: the files and who Google sees, never the access token
        String notice = "Wrote Google ADC " + written.adcFile() + " for "
                + (written.token().serviceAccount() == null ? written.token().principal() : written.token().serviceAccount())
                + written.backup().map(b -> "; kept your previous file as " + b).orElse("");
        return new Got(written.token().expiresAt(), notice);
    }

    private static boolean foreign(Path file) {
        try {
            return AdcFileWriter.readIfExists(file).map(text -> ExternalAccountAdc.managedBy(text).isEmpty()).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public TargetRow.Confirmation replaceQuestion(Throwable failure) {
        if (!(failure instanceof ForeignAdc foreign)) {
            return null;
        }
        String text = "The file " + foreign.file + " was not written by fedcred. Replace it? fedcred keeps a backup"
                + " and restores it when you remove its credentials.";
        return new TargetRow.Confirmation("Replace Google ADC", text, TargetRow.REPLACE,
                "Replace ADC file for " + gcp.name(), "Keep ADC file for " + gcp.name());
    }

    @Override
    public String keptNotice(Throwable failure) {
        Path file = failure instanceof ForeignAdc foreign ? foreign.file : null;
        return "Kept your file " + file + "; fedcred wrote nothing.";
    }

    @Override
    public TargetRow.Confirmation removeQuestion(TargetSnapshot snapshot) {
        String text = "Remove the Google ADC file " + snapshot.credentialsFile() + " that fedcred wrote for " + gcp.name()
                + "? A file fedcred replaced is put back.";
        return new TargetRow.Confirmation("Remove credentials", text, TargetRow.REMOVE,
                "Confirm removing credentials " + gcp.name(), "Keep credentials " + gcp.name());
    }

    @Override
    public String removingMessage() {
        return "Removing the Google ADC file for " + gcp.name() + "…";
    }

    @Override
    public Removed remove(FedcredContext context, TargetSnapshot snapshot) {
        Path file = context.gcp().adcFile(gcp);
        AdcFileWriter.Removal removal = context.gcp().removeAdc(gcp);
        return switch (removal) {
            case REMOVED -> new Removed("Removed the Google ADC file " + file, false);
            case REMOVED_AND_RESTORED -> new Removed("Removed fedcred's credentials from " + file
                    + " and restored the file it had replaced", true);
            case NOTHING_TO_REMOVE -> new Removed("There is no Google ADC file at " + file + "; nothing to remove.",
                    false);
        };
    }

    @Override
    public String missingHint() {
        return "The Google ADC file is not there; " + GET + " writes it.";
    }

    /** The ADC file is there and fedcred did not write it: worth asking whether to replace it. */
    static final class ForeignAdc extends FedcredException {
        private final transient Path file;

        ForeignAdc(Path file, AdcNotManagedException cause) {
            super(cause.getMessage(), cause);
            this.file = file;
        }
    }
}
