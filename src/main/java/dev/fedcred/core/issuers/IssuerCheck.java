package dev.fedcred.core.issuers;

import dev.fedcred.core.oidc.IssuerConfig;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Either the issuer to save, or what is wrong with each field (never both). */
public record IssuerCheck(IssuerConfig issuer, Map<IssuerField, String> problems) {
    public IssuerCheck {
        EnumMap<IssuerField, String> copy = new EnumMap<>(IssuerField.class);
        copy.putAll(problems);
        problems = Collections.unmodifiableMap(copy);
    }

    public boolean valid() {
        return issuer != null;
    }
}
