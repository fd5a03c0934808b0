package dev.fedcred.core.aws.setup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.text.OutsideText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates a role's trust policy against the signed-in token as IAM does for
 * AssumeRoleWithWebIdentity, to say which part fails where STS only says AccessDenied. It knows the
 * parts a web-identity trust policy uses: Effect, Principal Federated, Action and NotAction (with
 * wildcards), and the string condition operators with IfExists and the ForAnyValue / ForAllValues
 * qualifiers, on the keys IAM sets from the token (see {@link #contextKeys}).
 *
 * <p>This is fedcred's reading of IAM, on the user's side; the sandbox's STS has its own, so the
 * two are not wrong together.
 */
public final class TrustPolicyCheck {
    private static final String ACTION = "sts:AssumeRoleWithWebIdentity";

    /** @param findings why each statement does not let the token in (or the Deny that keeps it out); empty when allowed */
    public record Verdict(boolean allowed, List<String> findings) {
    }

    private TrustPolicyCheck() {
    }

    /**
     * The condition keys IAM sets from a token: {@code <provider>:aud} and {@code :sub} for any
     * provider, {@code :amr} where the token has one. For Google {@code :aud} reads {@code azp} when
     * present and then {@code :oaud} the token's {@code aud}, as IAM documents for accounts.google.com.
     */
    public static Map<String, List<String>> contextKeys(Map<String, Object> claims) {
        String provider = IamProviders.providerKey(String.valueOf(claims.get("iss")));
        Map<String, List<String>> keys = new LinkedHashMap<>();
        List<String> aud = values(claims.get("aud"));
        if (IamProviders.isGoogle(provider) && claims.get("azp") != null) {
            keys.put(provider + ":aud", values(claims.get("azp")));
            keys.put(provider + ":oaud", aud);
        } else {
            keys.put(provider + ":aud", aud);
        }
        keys.put(provider + ":sub", values(claims.get("sub")));
        if (claims.get("amr") != null) {
            keys.put(provider + ":amr", values(claims.get("amr")));
        }
        return keys;
    }

    public static Verdict check(JsonNode policy, Map<String, Object> claims, RoleArn role) {
        String principal = IamProviders.federatedPrincipal(String.valueOf(claims.get("iss")), role.accountId());
        Map<String, List<String>> context = new LinkedHashMap<>();
        contextKeys(claims).forEach((key, value) -> context.put(key.toLowerCase(Locale.ROOT), value));
        List<String> findings = new ArrayList<>();
        boolean allowed = false;
        JsonNode statements = policy.path("Statement");
        int number = 0;
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            number++;
            String name = "Statement " + number + (statement.hasNonNull("Sid") ? " (" + OutsideText.shown(statement.get("Sid").asText()) + ")" : "");
            String failure = firstFailure(statement, principal, context);
            boolean deny = "Deny".equals(statement.path("Effect").asText());
            if (deny && failure == null) {
                return new Verdict(false, List.of(name + " denies this token explicitly."));
            }
            if (!deny && failure == null) {
                allowed = true;
            } else if (!deny) {
                findings.add(name + ": " + failure);
            }
        }
        if (number == 0) {
            findings.add("The policy has no Statement.");
        }
        return allowed ? new Verdict(true, List.of()) : new Verdict(false, findings);
    }

    /** What keeps the statement from applying to this token, or null when it applies. */
    private static String firstFailure(JsonNode statement, String principal, Map<String, List<String>> context) {
        if (!"Allow".equals(statement.path("Effect").asText()) && !"Deny".equals(statement.path("Effect").asText())) {
            return "Effect must be Allow or Deny.";
        }
        JsonNode who = statement.path("Principal");
        boolean anyone = who.isTextual() && "*".equals(who.asText());
        List<String> federated = values(who.path("Federated"));
        if (!anyone && !federated.contains(principal)) {
            return "Principal Federated is " + shownList(federated) + " but the token's provider is "
                    + OutsideText.quoted(principal) + ".";
        }
        if (statement.has("NotAction") ? matchesAny(values(statement.get("NotAction")), ACTION)
                : !matchesAny(values(statement.get("Action")), ACTION)) {
            return "its Action does not allow " + ACTION + ".";
        }
        JsonNode conditions = statement.path("Condition");
        for (var operators = conditions.fields(); operators.hasNext(); ) {
            var operator = operators.next();
            for (var keys = operator.getValue().fields(); keys.hasNext(); ) {
                var key = keys.next();
                String failure = conditionFailure(operator.getKey(), key.getKey(), values(key.getValue()),
                        context.get(key.getKey().toLowerCase(Locale.ROOT)));
                if (failure != null) {
                    return failure;
                }
            }
        }
        return null;
    }

    private static String conditionFailure(String operator, String key, List<String> expected, List<String> actual) {
        String qualifier = operator.contains(":") ? operator.substring(0, operator.indexOf(':')) : "";
        String base = operator.substring(operator.indexOf(':') + 1);
        boolean ifExists = base.endsWith("IfExists");
        base = ifExists ? base.substring(0, base.length() - "IfExists".length()) : base;
        boolean negated = base.startsWith("StringNot");
        String positive = negated ? "String" + base.substring("StringNot".length()) : base;
        if (!List.of("StringEquals", "StringEqualsIgnoreCase", "StringLike").contains(positive)) {
            return "fedcred cannot evaluate the condition operator " + OutsideText.quoted(operator) + " on "
                    + OutsideText.quoted(key) + "; check it by hand.";
        }
        boolean missing = actual == null || actual.isEmpty();
        boolean holds;
        if (missing) {
            holds = ifExists || "ForAllValues".equals(qualifier) || negated && qualifier.isEmpty();
        } else if ("ForAllValues".equals(qualifier)) {
            holds = actual.stream().allMatch(value -> matches(positive, expected, value) != negated);
        } else if (negated && qualifier.isEmpty()) {
            holds = actual.stream().noneMatch(value -> matches(positive, expected, value));
        } else {
            holds = actual.stream().anyMatch(value -> matches(positive, expected, value) != negated);
        }
        if (holds) {
            return null;
        }
        return "condition " + OutsideText.shown(operator) + " on " + OutsideText.quoted(key) + " expects "
                + (negated ? "none of " : "") + shownList(expected) + " but the token "
                + (missing ? "gives no value for it." : "gives " + shownList(actual) + ".");
    }

    private static boolean matches(String operator, List<String> expected, String value) {
        return switch (operator) {
            case "StringEquals" -> expected.contains(value);
            case "StringEqualsIgnoreCase" -> expected.stream().anyMatch(value::equalsIgnoreCase);
            default -> expected.stream().anyMatch(pattern -> wildcard(pattern).matcher(value).matches());
        };
    }

    private static boolean matchesAny(List<String> actions, String action) {
        return actions.stream().anyMatch(pattern -> wildcard(pattern.toLowerCase(Locale.ROOT))
                .matcher(action.toLowerCase(Locale.ROOT)).matches());
    }

    /** IAM's wildcards: {@code *} any run of characters, {@code ?} one character; nothing else is special. */
    private static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("(?<=[*?])|(?=[*?])")) {
            regex.append(switch (part) {
                case "*" -> ".*";
                case "?" -> ".";
                default -> Pattern.quote(part);
            });
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static List<String> values(Object node) {
        List<String> out = new ArrayList<>();
        if (node instanceof JsonNode json) {
            if (json.isArray()) {
                json.forEach(item -> out.add(item.asText()));
            } else if (json.isValueNode()) {
                out.add(json.asText());
            }
        } else if (node instanceof Iterable<?> items) {
            items.forEach(item -> out.add(String.valueOf(item)));
        } else if (node != null) {
            out.add(node.toString());
        }
        return out;
    }

    private static String shownList(List<String> values) {
        return values.size() == 1 ? OutsideText.quoted(values.get(0))
                : "[" + String.join(", ", values.stream().map(OutsideText::quoted).toList()) + "]";
    }
}
