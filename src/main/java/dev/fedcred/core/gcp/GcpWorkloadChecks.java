package dev.fedcred.core.gcp;

import dev.fedcred.core.launch.ShellWords;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.targets.CheckContext;
import dev.fedcred.core.targets.DryRun;
import dev.fedcred.core.targets.Finding;
import dev.fedcred.core.targets.PrivateFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a GCP target needs on the user's side: Google's libraries reading its ADC file (not one
 * GOOGLE_APPLICATION_CREDENTIALS names instead), that file and its ID-token file the owner's
 * alone, the token's audience against the one the provider is asked for, what gcloud will use,
 * and a dry run of the exchange.
 */
final class GcpWorkloadChecks {
    private final Supplier<GcpCredentialService> service;

    GcpWorkloadChecks(Supplier<GcpCredentialService> service) {
        this.service = service;
    }

    List<Finding> check(GcpWorkloadTarget target, CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        Path adc = service.get().adcFile(target);
        String explicit = context.variable("GOOGLE_APPLICATION_CREDENTIALS");
        if (explicit != null && !samePath(Path.of(explicit), adc)) {
            findings.add(Finding.warningFixedBy("GOOGLE_APPLICATION_CREDENTIALS points at " + explicit + ", so Google's"
                    + " libraries read that file, not " + adc + " that fedcred writes for " + target.name() + ".",
                    "export GOOGLE_APPLICATION_CREDENTIALS=" + ShellWords.quoted(adc.toString())));
        }
        PrivateFiles.check(adc, "The ADC file").ifPresent(findings::add);
        gcloud(target, adc, context).ifPresent(findings::add);
        Finding dryRun = context.live() ? DryRun.of("the workload identity exchange for " + target.audience(), () -> {
            GcpAccessToken token = service.get().tryExchange(target);
            return "Google gave an access token for " + token.principal();
        }) : null;
        // the audience is worth a word only while no exchange has shown that the provider takes it
        if (dryRun == null || dryRun.counts()) {
            service.get().storedTokens(target).flatMap(tokens -> audienceNote(target, tokens)).ifPresent(findings::add);
        }
        if (dryRun != null) {
            findings.add(dryRun);
        }
        return findings;
    }

    /**
     * Google STS is asked for the provider's resource name as audience; a token whose aud is another
     * (a Google ID token's is the OAuth client ID) passes only if the provider lists it.
     */
    private static Optional<Finding> audienceNote(GcpWorkloadTarget target, TokenSet tokens) {
        String aud = tokens.audience();
        if (aud == null || aud.equals(target.audience()) || aud.equals("https:" + target.audience())) {
            return Optional.empty();
        }
        return Optional.of(Finding.note("The ID token's aud is " + aud + ": the provider " + target.providerId()
                + " must list it among its allowed audiences (`gcloud iam workload-identity-pools providers update-oidc "
                + target.providerId() + " --allowed-audiences=" + aud + "`)."));
    }

    private static Optional<Finding> gcloud(GcpWorkloadTarget target, Path adc, CheckContext context) {
        return GcloudState.of(context).map(state -> {
            String where = state.configDir() == null ? "" : " (CLOUDSDK_CONFIG=" + state.configDir() + ")";
            if (state.credentialFileOverride() != null) {
                return Finding.note("gcloud" + where + " uses the credential file " + state.credentialFileOverride()
                        + " (auth/credential_file_override).");
            }
            if (state.activeAccount() == null) {
                return Finding.note("gcloud" + where + " has no active account; to use " + target.name()
                        + " there: gcloud auth login --cred-file=" + ShellWords.quoted(adc.toString()));
            }
            if (state.activeAccount().equals(target.serviceAccount())) {
                return Finding.note("gcloud" + where + " uses " + state.activeAccount() + ", this target's service account.");
            }
            return Finding.note("gcloud" + where + " uses the account " + state.activeAccount() + ", not " + target.name()
                    + "; to use it there: gcloud auth login --cred-file=" + ShellWords.quoted(adc.toString()));
        });
    }

    private static boolean samePath(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
