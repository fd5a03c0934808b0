package dev.fedcred.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A role's trust policy document, evaluated as IAM does for AssumeRoleWithWebIdentity and for
 * AssumeRole (role chaining): each action the request needs is allowed when an Allow statement
 * applies to it and no Deny statement does. A statement applies when its Principal names the caller
 * (Federated: the token's provider's ARN, or accounts.google.com; AWS: the source role, its session,
 * its account; or "*"), its Action (or NotAction) covers the action, with IAM's wildcards, and every
 * condition holds: the String and Arn operators, their Not and IgnoreCase forms, IfExists, and the
 * ForAnyValue / ForAllValues qualifiers. Keys are case-insensitive, values are not.
 *
 * <p>The sandbox stands in for AWS, so this is its own reading of IAM, not fedcred's (which
 * explains refusals on the user's side).
 */
final class AwsTrustPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OPERATOR = Pattern.compile("(String|Arn)(Not)?(Equals|EqualsIgnoreCase|Like)");

    private final List<JsonNode> statements;

    private AwsTrustPolicy(List<JsonNode> statements) {
        this.statements = statements;
    }

    /** @throws IllegalArgumentException with IAM's kind of complaint when the document is not a policy */
    static AwsTrustPolicy parse(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("MalformedPolicyDocument: the policy is not JSON");
        }
        JsonNode statement = root == null ? null : root.get("Statement");
        if (statement == null || !root.isObject() || !(statement.isArray() || statement.isObject())) {
            throw new IllegalArgumentException("MalformedPolicyDocument: the policy needs a Statement");
        }
        List<JsonNode> statements = new ArrayList<>();
        (statement.isArray() ? statement : JSON.createArrayNode().add(statement)).forEach(statements::add);
        for (JsonNode each : statements) {
            String effect = each.path("Effect").asText();
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw new IllegalArgumentException("MalformedPolicyDocument: Effect must be Allow or Deny");
            }
        }
        return new AwsTrustPolicy(List.copyOf(statements));
    }

    /**
     * Who asks for what.
     *
     * @param principalKind the Principal element's key that can name the caller: Federated or AWS
     * @param principals    the names the caller goes by in that element
     * @param actions       every action the request needs (IAM allows a request only when it allows each)
     * @param context       condition keys, lower case, to their values
     */
    record Request(String principalKind, List<String> principals, List<String> actions, Map<String, List<String>> context) {
    }

    /**
     * @param principals the names the caller's provider goes by (its ARN, or accounts.google.com)
     * @param context    condition keys set from the token, lower case, to their values
     */
    boolean allowsWebIdentity(List<String> principals, Map<String, List<String>> context) {
        return allows(new Request("Federated", principals, List.of("sts:AssumeRoleWithWebIdentity"), context));
    }

    boolean allows(Request request) {
        return request.actions().stream().allMatch(action -> allows(request, action.toLowerCase(Locale.ROOT)));
    }

    private boolean allows(Request request, String action) {
        Predicate<JsonNode> applies = statement -> principalMatches(statement.path("Principal"), request)
                && actionMatches(statement, action)
                && conditionsHold(statement.path("Condition"), request.context());
        boolean denied = statements.stream().filter(s -> s.path("Effect").asText().equals("Deny")).anyMatch(applies);
        return !denied && statements.stream().filter(s -> s.path("Effect").asText().equals("Allow")).anyMatch(applies);
    }

    private static boolean principalMatches(JsonNode principal, Request request) {
        if (principal.isTextual()) {
            return principal.asText().equals("*");
        }
        List<String> named = texts(principal.path(request.principalKind()));
        return named.stream().anyMatch(request.principals()::contains)
                || "AWS".equals(request.principalKind()) && named.contains("*");
    }

    private static boolean actionMatches(JsonNode statement, String action) {
        boolean negated = statement.has("NotAction");
        boolean listed = texts(statement.path(negated ? "NotAction" : "Action")).stream()
                .anyMatch(pattern -> like(pattern.toLowerCase(Locale.ROOT), action));
        return listed != negated;
    }

    private static boolean conditionsHold(JsonNode condition, Map<String, List<String>> context) {
        for (var operator = condition.fields(); operator.hasNext(); ) {
            var entry = operator.next();
            for (var key = entry.getValue().fields(); key.hasNext(); ) {
                var test = key.next();
                List<String> actual = context.getOrDefault(test.getKey().toLowerCase(Locale.ROOT), List.of());
                if (!holds(entry.getKey(), texts(test.getValue()), actual)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** One operator on one key; an operator IAM has but the sandbox does not know never holds. */
    private static boolean holds(String operator, List<String> wanted, List<String> actual) {
        String set = operator.contains(":") ? operator.substring(0, operator.indexOf(':')) : null;
        String name = operator.substring(operator.indexOf(':') + 1);
        boolean ifExists = name.endsWith("IfExists");
        name = ifExists ? name.substring(0, name.length() - 8) : name;
        java.util.regex.Matcher parts = OPERATOR.matcher(name);
        if (!parts.matches() || parts.group(1).equals("Arn") && parts.group(3).equals("EqualsIgnoreCase")) {
            return false;
        }
        boolean not = parts.group(2) != null;
        // IAM's ArnEquals takes wildcards as ArnLike does.
        Predicate<String> match = switch (parts.group(1).equals("Arn") ? "Like" : parts.group(3)) {
            case "Equals" -> wanted::contains;
            case "EqualsIgnoreCase" -> value -> wanted.stream().anyMatch(value::equalsIgnoreCase);
            default -> value -> wanted.stream().anyMatch(pattern -> like(pattern, value));
        };
        if (actual.isEmpty()) {
            return ifExists || "ForAllValues".equals(set) || (not && set == null);
        }
        Predicate<String> each = not ? match.negate() : match;
        if ("ForAllValues".equals(set)) {
            return actual.stream().allMatch(each);
        }
        if (set == null && not) {
            return actual.stream().allMatch(each);
        }
        return actual.stream().anyMatch(each);
    }

    /** IAM's wildcards: {@code *} for any characters, {@code ?} for one. */
    private static boolean like(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        int literal = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(pattern.substring(literal, i))).append(c == '*' ? ".*" : ".");
                literal = i + 1;
            }
        }
        regex.append(Pattern.quote(pattern.substring(literal)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> out.add(item.asText()));
        } else if (node.isValueNode()) {
            out.add(node.asText());
        }
        return out;
    }
}
