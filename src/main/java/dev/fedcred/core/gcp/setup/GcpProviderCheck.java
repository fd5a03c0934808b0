package dev.fedcred.core.gcp.setup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.text.OutsideText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider as {@code gcloud iam workload-identity-pools providers describe --format=json} prints
 * it, checked against the signed-in token the way Google STS checks it: state, issuer, allowed
 * audiences, the google.subject mapping and the attribute condition. Each finding names the part
 * that fails and the gcloud flag that fixes it. Conditions are evaluated only in the form
 * {@code fedcred setup gcp} writes (claims compared with == and joined by &&); for any other the
 * finding says so rather than guess.
 */
public final class GcpProviderCheck {

    private static final Pattern EQUALS_TEST = Pattern.compile(
            "\\s*assertion\\.([A-Za-z_][A-Za-z0-9_]*)\\s*==\\s*'((?:[^'\\\\]|\\\\.)*)'\\s*");

    private GcpProviderCheck() {
    }

    /** What does not fit; empty when STS would accept the token. */
    public static List<String> findings(JsonNode provider, GcpSetupFacts facts) {
        List<String> findings = new ArrayList<>();
        String expectedName = facts.poolResource() + "/providers/" + facts.providerId();
        String name = provider.path("name").asText("");
        if (!name.equals(expectedName)) {
            findings.add("The file describes " + shown(name) + ", not the target's provider " + expectedName + ".");
        }
        String state = provider.path("state").asText("ACTIVE");
        if (!state.equals("ACTIVE")) {
            findings.add("The provider is " + shown(state) + ", so STS does not know it: `gcloud iam workload-identity-pools"
                    + " providers undelete` (or update --no-disabled) it.");
        }
        String issuer = provider.path("oidc").path("issuerUri").asText("");
        if (!issuer.equals(facts.issuer())) {
            findings.add("Issuer: the provider trusts " + shown(issuer) + " but the token's iss is " + shown(facts.issuer())
                    + "; set " + shown(SetupQuoting.shell("--issuer-uri=" + facts.issuer())) + ".");
        }
        List<String> audiences = new ArrayList<>();
        provider.path("oidc").path("allowedAudiences").forEach(a -> audiences.add(a.asText()));
        List<String> accepted = audiences.isEmpty() ? List.of("https://iam.googleapis.com/" + expectedName) : audiences;
        if (!accepted.contains(facts.audience())) {
            findings.add("Audience: the token's aud is " + shown(facts.audience()) + " but the provider allows "
                    + (audiences.isEmpty() ? "only its own name (no allowed audiences are set)" : shown(String.join(", ", audiences)))
                    + "; Google ID tokens carry the OAuth client ID as aud. Add it with "
                    + shown(SetupQuoting.shell("--allowed-audiences=" + SetupQuoting.gcloudList(withAudience(audiences, facts.audience()))))
                    + ".");
        }
        String subjectMapping = provider.path("attributeMapping").path("google.subject").asText("");
        if (!subjectMapping.equals("assertion.sub") && !subjectMapping.equals("assertion.email")) {
            findings.add("Mapping: google.subject is mapped from " + (subjectMapping.isEmpty() ? "nothing" : shown(subjectMapping))
                    + "; fedcred's binding names principal://…/subject/SUB, so map google.subject=assertion.sub.");
        }
        JsonNode condition = provider.path("attributeCondition");
        if (condition.isTextual() && !condition.asText().isBlank()) {
            conditionFinding(condition.asText(), facts).ifPresent(findings::add);
        }
        return List.copyOf(findings);
    }

    private static List<String> withAudience(List<String> audiences, String audience) {
        List<String> all = new ArrayList<>(audiences);
        all.add(audience);
        return all;
    }

    private static java.util.Optional<String> conditionFinding(String condition, GcpSetupFacts facts) {
        for (String test : condition.split("&&")) {
            Matcher equals = EQUALS_TEST.matcher(test);
            if (!equals.matches()) {
                return java.util.Optional.of("Condition: fedcred cannot evaluate " + shown(condition) + " (it reads only"
                        + " assertion.CLAIM == 'text' joined by &&); it must be true for iss=" + shown(facts.issuer())
                        + ", aud=" + shown(facts.audience()) + ", sub=" + shown(facts.subject())
                        + (facts.email() == null ? "" : ", email=" + shown(facts.email())) + ".");
            }
            String claim = equals.group(1);
            String wanted = equals.group(2).replaceAll("\\\\(.)", "$1");
            String actual = switch (claim) {
                case "sub" -> facts.subject();
                case "email" -> facts.email();
                case "aud" -> facts.audience();
                case "iss" -> facts.issuer();
                default -> null;
            };
            if (!wanted.equals(actual)) {
                return java.util.Optional.of("Condition: " + shown(test.strip()) + " is false for this token, whose "
                        + claim + " is " + (actual == null ? "not known to fedcred" : shown(actual))
                        + "; change it with " + shown(SetupQuoting.shell("--attribute-condition=assertion." + claim + " == "
                        + SetupQuoting.cel(actual == null ? wanted : actual))) + ".");
            }
        }
        return java.util.Optional.empty();
    }

    private static String shown(String text) {
        return OutsideText.shown(text);
    }
}
