package dev.fedcred.core.aws.setup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.Json;
import dev.fedcred.core.launch.ShellWords;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The AWS side of a target's set-up, generated from the signed-in token and the role: the trust
 * policy, the AWS CLI commands that apply it (and create the IAM OIDC provider for an issuer other
 * than Google), and the same as a CloudFormation template and as Terraform. Every value is placed
 * through its format's own escaping (JSON, single-quoted shell words, HCL strings), never pasted.
 */
public final class AwsSetupGenerator {
    private static final String WEB_IDENTITY_ACTION = "sts:AssumeRoleWithWebIdentity";

    private AwsSetupGenerator() {
    }

    /** The role's trust policy: the token's provider as federated principal, its client as {@code :aud}, optionally its {@code :sub}. */
    public static ObjectNode webIdentityPolicy(WebIdentityTrust trust) {
        ObjectNode policy = Json.MAPPER.createObjectNode().put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject()
                .put("Sid", "FedcredWebIdentity")
                .put("Effect", "Allow");
        statement.putObject("Principal").put("Federated", trust.federatedPrincipal());
        statement.put("Action", WEB_IDENTITY_ACTION);
        ObjectNode equals = statement.putObject("Condition").putObject("StringEquals");
        equals.put(trust.providerKey() + ":aud", trust.clientId());
        if (trust.subject() != null) {
            equals.put(trust.providerKey() + ":sub", trust.subject());
        }
        return policy;
    }

    /** The target role's trust policy for sessions of the source role (role chaining). */
    public static ObjectNode chainedPolicy(RoleArn source, RoleArn target, String externalId) {
        ObjectNode policy = Json.MAPPER.createObjectNode().put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject()
                .put("Sid", "FedcredRoleChaining")
                .put("Effect", "Allow");
        statement.putObject("Principal").put("AWS", source.arn());
        statement.put("Action", "sts:AssumeRole");
        if (externalId != null) {
            statement.putObject("Condition").putObject("StringEquals").put("sts:ExternalId", externalId);
        }
        return policy;
    }

    public static List<SetupDocument> webIdentity(WebIdentityTrust trust) {
        ObjectNode policy = webIdentityPolicy(trust);
        String about = "role " + trust.role().arn() + " trusting ID tokens from " + trust.issuer() + " for client "
                + trust.clientId() + (trust.subject() == null ? " (any user)" : " for the user " + trust.subject()
                + (trust.email() == null ? "" : " (" + trust.email() + ")"));
        return List.of(
                new SetupDocument(SetupDocument.Format.JSON, "Trust policy of " + trust.role().arn(), "trust-policy.json",
                        pretty(policy)),
                new SetupDocument(SetupDocument.Format.COMMANDS, "AWS CLI commands", "setup-aws.sh",
                        webIdentityCommands(trust, policy, about)),
                new SetupDocument(SetupDocument.Format.CLOUDFORMATION, "CloudFormation template", "fedcred-role.template.json",
                        cloudFormation(about, trust.isGoogle() ? null : trust, trust.role(), policy)),
                new SetupDocument(SetupDocument.Format.TERRAFORM, "Terraform", "fedcred-role.tf",
                        terraform(about, trust.isGoogle() ? null : trust, trust.role(), policy)));
    }

    public static List<SetupDocument> chained(RoleArn source, RoleArn target, String externalId) {
        ObjectNode policy = chainedPolicy(source, target, externalId);
        String about = "role " + target.arn() + " trusting sessions of " + source.arn()
                + (externalId == null ? "" : " with an external ID");
        ObjectNode permission = Json.MAPPER.createObjectNode().put("Version", "2012-10-17");
        permission.putArray("Statement").addObject().put("Effect", "Allow").put("Action", "sts:AssumeRole")
                .put("Resource", target.arn());
        String commands = "# fedcred: " + about + "\n"
                + createOrUpdateRole(target, policy)
                + "# The source role needs permission to call AssumeRole on the target:\n"
                + "aws iam put-role-policy --role-name " + ShellWords.quoted(source.name())
                + " --policy-name " + ShellWords.quoted("fedcred-assume-" + target.name())
                + " --policy-document " + ShellWords.quoted(compact(permission)) + "\n";
        return List.of(
                new SetupDocument(SetupDocument.Format.JSON, "Trust policy of " + target.arn(), "trust-policy.json", pretty(policy)),
                new SetupDocument(SetupDocument.Format.COMMANDS, "AWS CLI commands", "setup-aws.sh", commands),
                new SetupDocument(SetupDocument.Format.CLOUDFORMATION, "CloudFormation template", "fedcred-role.template.json",
                        cloudFormation(about, null, target, policy)),
                new SetupDocument(SetupDocument.Format.TERRAFORM, "Terraform", "fedcred-role.tf",
                        terraform(about, null, target, policy)));
    }

    private static String webIdentityCommands(WebIdentityTrust trust, ObjectNode policy, String about) {
        StringBuilder out = new StringBuilder("# fedcred: ").append(about).append('\n');
        if (trust.isGoogle()) {
            out.append("# Google is built into IAM as accounts.google.com: no identity provider to create.\n");
        } else {
            String providerArn = IamProviders.providerArn(trust.issuer(), trust.role().accountId());
            out.append("# 1. The IAM OIDC identity provider for the issuer, once per account. IAM fetches the issuer's keys\n")
                    .append("#    over TLS it verifies itself, so no --thumbprint-list (add one only for a self-signed certificate).\n")
                    .append("aws iam create-open-id-connect-provider --url ").append(ShellWords.quoted(IamProviders.providerUrl(trust.issuer())))
                    .append(" --client-id-list ").append(ShellWords.quoted(trust.clientId())).append('\n')
                    .append("#    If it exists already, add the client ID to it instead:\n")
                    .append("#    aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn ")
                    .append(ShellWords.quoted(providerArn)).append(" --client-id ").append(ShellWords.quoted(trust.clientId())).append('\n')
                    .append("# 2. The role.\n");
        }
        return out.append(createOrUpdateRole(trust.role(), policy)).toString();
    }

    private static String createOrUpdateRole(RoleArn role, ObjectNode policy) {
        String document = ShellWords.quoted(compact(policy));
        String name = ShellWords.quoted(role.name());
        return "aws iam create-role --role-name " + name
                + ("/".equals(role.path()) ? "" : " --path " + ShellWords.quoted(role.path()))
                + " --assume-role-policy-document " + document + "\n"
                + "# If the role exists already, replace its trust policy instead:\n"
                + "aws iam update-assume-role-policy --role-name " + name + " --policy-document " + document + "\n"
                + "# Then give the role what it may do, e.g.:\n"
                + "# aws iam attach-role-policy --role-name " + name + " --policy-arn arn:" + role.partition()
                + ":iam::aws:policy/ReadOnlyAccess\n";
    }

    /** @param provider the issuer whose IAM OIDC provider the template also creates; null for none */
    private static String cloudFormation(String about, WebIdentityTrust provider, RoleArn role, ObjectNode policy) {
        ObjectNode template = Json.MAPPER.createObjectNode()
                .put("AWSTemplateFormatVersion", "2010-09-09")
                .put("Description", "fedcred: " + about);
        ObjectNode resources = template.putObject("Resources");
        if (provider != null) {
            ObjectNode properties = resources.putObject("FedcredOidcProvider").put("Type", "AWS::IAM::OIDCProvider")
                    .putObject("Properties").put("Url", IamProviders.providerUrl(provider.issuer()));
            properties.putArray("ClientIdList").add(provider.clientId());
        }
        ObjectNode roleResource = resources.putObject("FedcredRole").put("Type", "AWS::IAM::Role");
        if (provider != null) {
            roleResource.put("DependsOn", "FedcredOidcProvider");
        }
        roleResource.putObject("Properties").put("RoleName", role.name()).put("Path", role.path())
                .set("AssumeRolePolicyDocument", policy);
        return pretty(template);
    }

    private static String terraform(String about, WebIdentityTrust provider, RoleArn role, ObjectNode policy) {
        StringBuilder out = new StringBuilder("# fedcred: ").append(about.replace("\n", " ")).append('\n');
        if (provider != null) {
            out.append("resource \"aws_iam_openid_connect_provider\" \"fedcred\" {\n")
                    .append("  url            = ").append(HclText.quoted(IamProviders.providerUrl(provider.issuer()))).append('\n')
                    .append("  client_id_list = [").append(HclText.quoted(provider.clientId())).append("]\n")
                    .append("}\n\n");
        }
        out.append("resource \"aws_iam_role\" \"fedcred\" {\n")
                .append("  name               = ").append(HclText.quoted(role.name())).append('\n')
                .append("  path               = ").append(HclText.quoted(role.path())).append('\n')
                .append("  assume_role_policy = jsonencode(").append(HclText.fromJson(compact(policy))).append(")\n");
        if (provider != null) {
            out.append("  depends_on         = [aws_iam_openid_connect_provider.fedcred]\n");
        }
        return out.append("}\n").toString();
    }

    private static String pretty(ObjectNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A policy on one line, as a message or a shell word carries it. */
    public static String compactPolicy(ObjectNode node) {
        return compact(node);
    }

    private static String compact(ObjectNode node) {
        try {
            return Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
