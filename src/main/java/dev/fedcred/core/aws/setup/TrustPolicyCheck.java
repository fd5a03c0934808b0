package dev.fedcred.core.aws.setup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.text.OutsideText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates a role's trust policy against the signed-in token as IAM does for
 * AssumeRoleWithWebIdentity, or against a chained target's request as IAM does for AssumeRole, to
 * say which part fails where STS only says AccessDenied. It knows the parts a trust policy uses:
 * Effect, Principal Federated or AWS, Action and NotAction (with wildcards), and the String and Arn
 * condition operators with IfExists and the ForAnyValue / ForAllValues qualifiers, on the keys IAM
 * sets from the token (see {@link #contextKeys}) or from the chained request (see {@link #checkChained}).
 *
 * <p>This is fedcred's reading of IAM, on the user's side; the sandbox's STS has its own, so the
 * two are not wrong together.
 */
public final class TrustPolicyCheck {
    private static final String ACTION = "sts:AssumeRoleWithWebIdentity";
    private static final Pattern OPERATOR = Pattern.compile("(String|Arn)(Not)?(Equals|EqualsIgnoreCase|Like)");

    /**
     * @param caller   who was checked, for people: "your token", "the session of audit"
     * @param findings why each statement does not let the caller in (or the Deny that keeps it out); empty when allowed
     */
    public record Verdict(boolean allowed, String caller, List<String> findings) {
    }

    /**
     * Who asks, as IAM sees it.
     *
     * @param principalKind the Principal element's key that names such callers: Federated or AWS
     * @param principals    the names the caller goes by there
     * @param whoItIs       how a finding says who the caller is, after "but"
     * @param what          "token" or "request", as findings call the caller's side
     * @param context       condition keys, lower case, to their values
     */
    private record Caller(String name, String principalKind, List<String> principals, String whoItIs, String action,
                          String what, Map<String, List<String>> context) {
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
        return evaluate(policy, new Caller("your token", "Federated", List.of(principal),
                "the token's provider is " + OutsideText.quoted(principal), ACTION, "token", context));
    }

    /**
     * Evaluates the target role's trust policy for role chaining: AssumeRole by a session of
     * {@code sourceRole}, which IAM lets a policy name by the role's ARN, its account's root or the
     * bare account ID (or "*"), with the keys {@code sts:ExternalId} (when the target sends one),
     * {@code aws:PrincipalArn} (the source role, not its session) and {@code aws:PrincipalAccount}.
     *
     * @param callerName who is checked, for people, e.g. "the session of prod"
     */
    public static Verdict checkChained(JsonNode policy, RoleArn sourceRole, String externalId, String callerName) {
        String account = sourceRole.accountId();
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (externalId != null) {
            context.put("sts:externalid", List.of(externalId));
        }
        context.put("aws:principalarn", List.of(sourceRole.arn()));
        context.put("aws:principalaccount", List.of(account));
        return evaluate(policy, new Caller(callerName, "AWS",
                List.of(sourceRole.arn(), "arn:" + sourceRole.partition() + ":iam::" + account + ":root", account),
                "the request comes from a session of " + OutsideText.quoted(sourceRole.arn()) + " in the account "
                        + OutsideText.quoted(account), "sts:AssumeRole", "request", context));
    }

    private static Verdict evaluate(JsonNode policy, Caller caller) {
        List<String> findings = new ArrayList<>();
        boolean allowed = false;
        JsonNode statements = policy.path("Statement");
        int number = 0;
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            number++;
            String name = "Statement " + number + (statement.hasNonNull("Sid") ? " (" + OutsideText.shown(statement.get("Sid").asText()) + ")" : "");
            String failure = firstFailure(statement, caller);
            boolean deny = "Deny".equals(statement.path("Effect").asText());
            if (deny && failure == null) {
                return new Verdict(false, caller.name(), List.of(name + " denies this " + caller.what() + " explicitly."));
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
        return allowed ? new Verdict(true, caller.name(), List.of()) : new Verdict(false, caller.name(), findings);
    }

    /**
     * The two commands that save the role's present trust policy and check it against what fedcred
     * sends for {@code targetName}: what a refusal's advice ends with, as STS never names the condition.
     */
    public static String checkCommands(String roleName, String targetName) {
        return "  aws iam get-role --role-name " + OutsideText.neutralise(roleName)
                + " --query Role.AssumeRolePolicyDocument --output json > trust-policy.json\n"
                + "  " + Launcher.current().forPeople("setup", "aws", targetName, "--check", "trust-policy.json");
    }

    /** What keeps the statement from applying to this caller, or null when it applies. */
    private static String firstFailure(JsonNode statement, Caller caller) {
        if (!"Allow".equals(statement.path("Effect").asText()) && !"Deny".equals(statement.path("Effect").asText())) {
            return "Effect must be Allow or Deny.";
        }
        JsonNode who = statement.path("Principal");
        boolean anyone = who.isTextual() && "*".equals(who.asText());
        List<String> named = values(who.path(caller.principalKind()));
        boolean anyAws = "AWS".equals(caller.principalKind()) && named.contains("*");
        if (!anyone && !anyAws && named.stream().noneMatch(caller.principals()::contains)) {
            return "Principal " + caller.principalKind() + " is " + shownList(named) + " but " + caller.whoItIs() + ".";
        }
        if (statement.has("NotAction") ? matchesAny(values(statement.get("NotAction")), caller.action())
                : !matchesAny(values(statement.get("Action")), caller.action())) {
            return "its Action does not allow " + caller.action() + ".";
        }
        JsonNode conditions = statement.path("Condition");
        for (var operators = conditions.fields(); operators.hasNext(); ) {
            var operator = operators.next();
            for (var keys = operator.getValue().fields(); keys.hasNext(); ) {
                var key = keys.next();
                String failure = conditionFailure(operator.getKey(), key.getKey(), values(key.getValue()),
                        caller.context().get(key.getKey().toLowerCase(Locale.ROOT)), caller.what());
                if (failure != null) {
                    return failure;
                }
            }
        }
        return null;
    }

    private static String conditionFailure(String operator, String key, List<String> expected, List<String> actual,
                                           String what) {
        String qualifier = operator.contains(":") ? operator.substring(0, operator.indexOf(':')) : "";
        String base = operator.substring(operator.indexOf(':') + 1);
        boolean ifExists = base.endsWith("IfExists");
        base = ifExists ? base.substring(0, base.length() - "IfExists".length()) : base;
        Matcher parts = OPERATOR.matcher(base);
        boolean known = parts.matches() && !(parts.group(1).equals("Arn") && parts.group(3).equals("EqualsIgnoreCase"));
        boolean negated = known && parts.group(2) != null;
        // IAM's ArnEquals takes wildcards as ArnLike does.
        String positive = !known ? base : parts.group(1).equals("Arn") ? "StringLike" : "String" + parts.group(3);
        if (!known) {
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
                + (negated ? "none of " : "") + shownList(expected) + " but the " + what + " "
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
