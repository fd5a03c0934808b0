package dev.fedcred.core.imports;

import dev.fedcred.core.targets.Target;
import dev.fedcred.core.text.OutsideText;

/**
 * A fedcred target made from something the user already has, not yet saved: the target and where
 * it was found ("AWS config profile ci in /home/me/.aws/config").
 */
public record ImportCandidate(Target target, String foundIn) {
    public ImportCandidate {
        foundIn = OutsideText.neutralise(foundIn);
    }
}
