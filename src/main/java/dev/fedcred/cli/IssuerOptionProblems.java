package dev.fedcred.cli;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.issuers.IssuerCheck;
import dev.fedcred.core.issuers.IssuerDraft;
import dev.fedcred.core.issuers.IssuerField;
import dev.fedcred.core.issuers.IssuerValidation;
import dev.fedcred.core.oidc.IssuerConfig;
import java.util.Set;
import java.util.stream.Collectors;

/** Core's issuer rules for {@code issuers add}: every problem at once, each under the option it is about. */
final class IssuerOptionProblems {
    private IssuerOptionProblems() {
    }

    /** The issuer the options describe; one of the same name is replaced, so no name counts as taken. */
    static IssuerConfig issuerOrThrow(IssuerDraft draft) {
        IssuerCheck check = IssuerValidation.check(draft, Set.of());
        if (!check.valid()) {
            throw new FedcredException("The issuer was not added:\n" + check.problems().entrySet().stream()
                    .map(problem -> "  " + option(problem.getKey()) + ": " + problem.getValue())
                    .collect(Collectors.joining("\n")));
        }
        return check.issuer();
    }

    private static String option(IssuerField field) {
        return switch (field) {
            case NAME -> "NAME";
            case ISSUER_URL -> "--issuer-url";
            case CLIENT_ID -> "--client-id";
            case CLIENT_SECRET -> "--client-secret";
            case SCOPES -> "--scope";
            case REDIRECT_URI -> "--redirect-uri";
        };
    }
}
