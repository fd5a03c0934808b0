package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.settings.SettingsFileException;
import dev.fedcred.core.targets.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a target dialog offers and checks against, read off the FX thread before it opens: the
 * issuers to choose from, the targets there are (names in use, and for a setting that names
 * another target, their kinds). A settings file that does not parse still opens the dialog with
 * the built-in sandbox; saving then says what is wrong.
 *
 * @param defaultIssuer the issuer a target without one signs in with
 * @param targetKinds   each target's name with its kind's id, in the order they are listed
 */
record TargetChoices(List<String> issuers, String defaultIssuer, Map<String, String> targetKinds) {

    static TargetChoices read(FedcredContext context) {
        List<String> issuers;
        String defaultIssuer;
        List<Target> targets;
        try {
            issuers = context.issuers().all().stream().map(IssuerConfig::name).toList();
            defaultIssuer = context.issuers().resolve(null).name();
            targets = context.targets().all();
        } catch (SettingsFileException unreadable) {
            issuers = List.of(IssuerRegistry.SANDBOX);
            defaultIssuer = IssuerRegistry.SANDBOX;
            targets = context.targets().builtIns();
        }
        Map<String, String> kinds = new LinkedHashMap<>();
        targets.forEach(target -> kinds.put(target.name(), context.kinds().of(target).id()));
        return new TargetChoices(issuers, defaultIssuer, kinds);
    }

    Set<String> targetNames() {
        return targetKinds.keySet();
    }
}
