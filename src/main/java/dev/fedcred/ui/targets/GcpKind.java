package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.gcp.AdcFileWriter;
import dev.fedcred.core.gcp.AdcNotManagedException;
import dev.fedcred.core.gcp.ExternalAccountAdc;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.ui.fx.Confirmation;
import java.nio.file.Path;
import java.util.List;

/**
 * A Google Cloud workload identity provider: the ID token exchanged for an access token (proof
 * the setup works) and an Application Default Credentials file written for gcloud and Google's
 * libraries. The access token never shows.
 */
final class GcpKind implements dev.fedcred.ui.targets.TargetKind {
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
    public String alsoRemoveText(TargetSnapshot snapshot) {
        return "Also remove the Google ADC file " + snapshot.credentialsFile() + " if fedcred wrote it for "
                + gcp.name() + " (a file it replaced is put back)";
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
        dev.fedcred.core.targets.TargetKind.Obtained obtained;
        try {
            obtained = context.kinds().of(gcp).obtain(force);
        } catch (AdcNotManagedException e) {
            // the question is only for a file fedcred did not write; one another target wrote says so itself
            Path file = context.gcp().adcFile(gcp);
            if (foreign(file)) {
                throw new ForeignAdc(file, e);
            }
            throw e;
        }
        return new Got(obtained.expiresAt(), obtained.notice());
    }

    private static boolean foreign(Path file) {
        try {
            return AdcFileWriter.readIfExists(file).map(text -> ExternalAccountAdc.managedBy(text).isEmpty()).orElse(false);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Confirmation replaceQuestion(Throwable failure) {
        if (!(failure instanceof ForeignAdc foreign)) {
            return null;
        }
        String text = "The file " + foreign.file + " was not written by fedcred. Replace it? fedcred keeps a backup"
                + " and restores it when you remove its credentials.";
        return new Confirmation("Replace Google ADC", text, TargetRowModel.REPLACE,
                "Replace ADC file for " + gcp.name(), "Keep ADC file for " + gcp.name());
    }

    @Override
    public String keptNotice(Throwable failure) {
        Path file = failure instanceof ForeignAdc foreign ? foreign.file : null;
        return "Kept your file " + file + "; fedcred wrote nothing.";
    }

    @Override
    public Confirmation removeQuestion(TargetSnapshot snapshot) {
        String text = "Remove the Google ADC file " + snapshot.credentialsFile() + " that fedcred wrote for " + gcp.name()
                + "? A file fedcred replaced is put back.";
        return new Confirmation("Remove credentials", text, TargetRowModel.REMOVE,
                "Confirm removing credentials " + gcp.name(), "Keep credentials " + gcp.name());
    }

    @Override
    public String removingMessage() {
        return "Removing the Google ADC file for " + gcp.name() + "…";
    }

    @Override
    public Removed remove(FedcredContext context, TargetSnapshot snapshot) {
        dev.fedcred.core.targets.TargetKind.Removal removal = context.kinds().of(gcp).removeWritten();
        return new Removed(removal.notice(), removal.fileStillThere());
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
