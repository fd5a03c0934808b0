package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.settings.SettingsFileException;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.core.targets.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a target dialog offers and checks against, read off the FX thread before it opens: the
 * issuers to choose from, the names in use, and where credentials go. A settings file that does
 * not parse still opens the dialog with the built-in sandbox; saving then says what is wrong.
 *
 * @param defaultIssuer the issuer a target without one signs in with
 */
record TargetChoices(List<String> issuers, String defaultIssuer, Set<String> targetNames, AwsFileLocations awsFiles,
                     Path defaultAdcFile) {

    static TargetChoices read(FedcredContext context) {
        List<String> issuers;
        String defaultIssuer;
        Set<String> names;
        try {
            issuers = context.issuers().all().stream().map(IssuerConfig::name).toList();
            defaultIssuer = context.issuers().resolve(null).name();
            names = context.targets().all().stream().map(Target::name).collect(Collectors.toSet());
        } catch (SettingsFileException unreadable) {
            issuers = List.of(IssuerRegistry.SANDBOX);
            defaultIssuer = IssuerRegistry.SANDBOX;
            names = Set.of(TargetRegistry.SANDBOX_AWS, TargetRegistry.SANDBOX_GCP);
        }
        return new TargetChoices(issuers, defaultIssuer, names, context.aws().files(), context.gcp().defaultAdcFile());
    }
}
