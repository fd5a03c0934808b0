package dev.fedcred.core.aws.setup;

import static dev.fedcred.core.aws.setup.SetupDocumentsParsing.argument;
import static dev.fedcred.core.aws.setup.SetupDocumentsParsing.awsCommands;
import static dev.fedcred.core.aws.setup.SetupDocumentsParsing.json;
import static dev.fedcred.core.aws.setup.SetupDocumentsParsing.terraformPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.FedcredException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsSetupGeneratorTest {
    private static final RoleArn ROLE = RoleArn.parse("arn:aws:iam::123456789012:role/ops/fedcred-dev");
    private static final String HOSTILE = "a'b\"c $(touch PWNED) `touch PWNED2` ${HOME} %{if x} \\ ;|&<>*?";

    @TempDir
    Path dir;

    private static SetupDocument document(List<SetupDocument> documents, SetupDocument.Format format) {
        return documents.stream().filter(d -> d.format() == format).findFirst().orElseThrow();
    }

    @Test
    void anOidcIssuerGetsItsProviderAndATrustPolicyNamingItByHostAndPath() throws Exception {
        WebIdentityTrust trust = WebIdentityTrust.fromClaims(Map.of("iss", "https://login.example.test/realms/dev",
                "aud", "my-client", "azp", "my-client", "sub", "user-1", "email", "u@example.test"), ROLE, true);
        List<SetupDocument> documents = AwsSetupGenerator.webIdentity(trust);

        JsonNode policy = json(document(documents, SetupDocument.Format.JSON).text());
        JsonNode statement = policy.path("Statement").get(0);
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        assertThat(statement.path("Principal").path("Federated").asText())
                .isEqualTo("arn:aws:iam::123456789012:oidc-provider/login.example.test/realms/dev");
        assertThat(statement.path("Action").asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(statement.path("Condition").path("StringEquals").path("login.example.test/realms/dev:aud").asText()).isEqualTo("my-client");
        assertThat(statement.path("Condition").path("StringEquals").path("login.example.test/realms/dev:sub").asText()).isEqualTo("user-1");

        List<List<String>> commands = awsCommands(document(documents, SetupDocument.Format.COMMANDS).text(), dir);
        assertThat(commands).hasSize(3);
        assertThat(commands.get(0)).containsExactly("iam", "create-open-id-connect-provider",
                "--url", "https://login.example.test/realms/dev", "--client-id-list", "my-client");
        assertThat(commands.get(1)).startsWith("iam", "create-role", "--role-name", "fedcred-dev", "--path", "/ops/");
        assertThat(json(argument(commands.get(1), "--assume-role-policy-document"))).isEqualTo(policy);
        assertThat(commands.get(2)).startsWith("iam", "update-assume-role-policy", "--role-name", "fedcred-dev");
        assertThat(json(argument(commands.get(2), "--policy-document"))).isEqualTo(policy);

        JsonNode template = json(document(documents, SetupDocument.Format.CLOUDFORMATION).text());
        assertThat(template.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        JsonNode provider = template.path("Resources").path("FedcredOidcProvider");
        assertThat(provider.path("Type").asText()).isEqualTo("AWS::IAM::OIDCProvider");
        assertThat(provider.path("Properties").path("Url").asText()).isEqualTo("https://login.example.test/realms/dev");
        assertThat(provider.path("Properties").path("ClientIdList").get(0).asText()).isEqualTo("my-client");
        JsonNode role = template.path("Resources").path("FedcredRole");
        assertThat(role.path("Type").asText()).isEqualTo("AWS::IAM::Role");
        assertThat(role.path("Properties").path("RoleName").asText()).isEqualTo("fedcred-dev");
        assertThat(role.path("Properties").path("Path").asText()).isEqualTo("/ops/");
        assertThat(role.path("Properties").path("AssumeRolePolicyDocument")).isEqualTo(policy);

        String terraform = document(documents, SetupDocument.Format.TERRAFORM).text();
        assertThat(terraform).contains("resource \"aws_iam_openid_connect_provider\" \"fedcred\" {")
                .contains("url            = \"https://login.example.test/realms/dev\"")
                .contains("client_id_list = [\"my-client\"]")
                .contains("resource \"aws_iam_role\" \"fedcred\" {").contains("name               = \"fedcred-dev\"")
                .contains("depends_on         = [aws_iam_openid_connect_provider.fedcred]");
        assertThat(terraformPolicy(terraform)).isEqualTo(policy);
    }

    @Test
    void googleIsBuiltInAndItsAudKeyIsTheAuthorizedParty() throws Exception {
        WebIdentityTrust trust = WebIdentityTrust.fromClaims(Map.of("iss", "https://accounts.google.com",
                "aud", "other-audience", "azp", "123-abc.apps.googleusercontent.com", "sub", "1101"), ROLE, false);
        List<SetupDocument> documents = AwsSetupGenerator.webIdentity(trust);

        JsonNode statement = json(document(documents, SetupDocument.Format.JSON).text()).path("Statement").get(0);
        assertThat(statement.path("Principal").path("Federated").asText()).isEqualTo("accounts.google.com");
        assertThat(statement.path("Condition").path("StringEquals").fieldNames()).toIterable()
                .containsExactly("accounts.google.com:aud");
        assertThat(statement.path("Condition").path("StringEquals").path("accounts.google.com:aud").asText())
                .isEqualTo("123-abc.apps.googleusercontent.com");
        List<List<String>> commands = awsCommands(document(documents, SetupDocument.Format.COMMANDS).text(), dir);
        assertThat(commands).extracting(command -> command.get(1)).containsExactly("create-role", "update-assume-role-policy");
        assertThat(json(document(documents, SetupDocument.Format.CLOUDFORMATION).text()).path("Resources").has("FedcredOidcProvider")).isFalse();
        assertThat(document(documents, SetupDocument.Format.TERRAFORM).text()).doesNotContain("openid_connect_provider");
    }

    @Test
    void hostileClaimValuesStayDataInEveryDocument() throws Exception {
        WebIdentityTrust trust = WebIdentityTrust.fromClaims(Map.of("iss", "https://login.example.test/a'b$(x)",
                "aud", HOSTILE, "sub", HOSTILE, "email", HOSTILE), ROLE, true);
        List<SetupDocument> documents = AwsSetupGenerator.webIdentity(trust);
        String key = "login.example.test/a'b$(x)";

        JsonNode policy = json(document(documents, SetupDocument.Format.JSON).text());
        JsonNode equals = policy.path("Statement").get(0).path("Condition").path("StringEquals");
        assertThat(equals.path(key + ":sub").asText()).isEqualTo(HOSTILE);
        assertThat(equals.path(key + ":aud").asText()).isEqualTo(HOSTILE);

        List<List<String>> commands = awsCommands(document(documents, SetupDocument.Format.COMMANDS).text(), dir);
        assertThat(dir.resolve("PWNED")).doesNotExist();
        assertThat(dir.resolve("PWNED2")).doesNotExist();
        assertThat(argument(commands.get(0), "--url")).isEqualTo("https://login.example.test/a'b$(x)");
        assertThat(argument(commands.get(0), "--client-id-list")).isEqualTo(HOSTILE);
        assertThat(json(argument(commands.get(1), "--assume-role-policy-document"))).isEqualTo(policy);

        assertThat(json(document(documents, SetupDocument.Format.CLOUDFORMATION).text())
                .path("Resources").path("FedcredRole").path("Properties").path("AssumeRolePolicyDocument")).isEqualTo(policy);
        String terraform = document(documents, SetupDocument.Format.TERRAFORM).text();
        assertThat(terraformPolicy(terraform)).isEqualTo(policy);
        assertThat(terraform).contains("client_id_list = [" + HclText.quoted(HOSTILE) + "]");
    }

    @Test
    void aClaimWithControlCharactersIsRefusedRatherThanWritten() {
        assertThatThrownBy(() -> WebIdentityTrust.fromClaims(Map.of("iss", "https://x.test", "aud", "c",
                "sub", "line\nrm -rf ~"), ROLE, true))
                .isInstanceOf(FedcredException.class).hasMessageContaining("sub claim holds control or text-direction characters");
        assertThatThrownBy(() -> WebIdentityTrust.fromClaims(Map.of("iss", "https://x.test", "aud", "c",
                "email", "evil\u202Emoc.elpmaxe@"), ROLE, true))
                .isInstanceOf(FedcredException.class).hasMessageContaining("email claim");
    }

    @Test
    void aChainedRoleTrustsTheSourceRolesSessionsWithItsExternalId() throws Exception {
        RoleArn source = RoleArn.parse("arn:aws:iam::111111111111:role/source");
        RoleArn target = RoleArn.parse("arn:aws:iam::222222222222:role/target");
        List<SetupDocument> documents = AwsSetupGenerator.chained(source, target, "ext-'$(id)");

        JsonNode policy = json(document(documents, SetupDocument.Format.JSON).text());
        JsonNode statement = policy.path("Statement").get(0);
        assertThat(statement.path("Principal").path("AWS").asText()).isEqualTo(source.arn());
        assertThat(statement.path("Action").asText()).isEqualTo("sts:AssumeRole");
        assertThat(statement.path("Condition").path("StringEquals").path("sts:ExternalId").asText()).isEqualTo("ext-'$(id)");
        List<List<String>> commands = awsCommands(document(documents, SetupDocument.Format.COMMANDS).text(), dir);
        assertThat(commands).extracting(command -> command.get(1))
                .containsExactly("create-role", "update-assume-role-policy", "put-role-policy");
        assertThat(json(argument(commands.get(0), "--assume-role-policy-document"))).isEqualTo(policy);
        assertThat(json(argument(commands.get(2), "--policy-document")).path("Statement").get(0).path("Resource").asText())
                .isEqualTo(target.arn());
        assertThat(argument(commands.get(2), "--role-name")).isEqualTo("source");
        assertThat(json(document(documents, SetupDocument.Format.CLOUDFORMATION).text()).path("Resources")
                .path("FedcredRole").path("Properties").path("AssumeRolePolicyDocument")).isEqualTo(policy);
        assertThat(terraformPolicy(document(documents, SetupDocument.Format.TERRAFORM).text())).isEqualTo(policy);
    }

    @Test
    void roleArnsAreTakenApartAsIamsCommandsWantThem() {
        assertThat(RoleArn.parse("arn:aws:iam::123456789012:role/dev")).extracting(RoleArn::path, RoleArn::name, RoleArn::accountId)
                .containsExactly("/", "dev", "123456789012");
        assertThat(RoleArn.parse("arn:aws-us-gov:iam::123456789012:role/a/b/c").path()).isEqualTo("/a/b/");
        assertThatThrownBy(() -> RoleArn.parse("arn:aws:iam::123:role/x")).isInstanceOf(FedcredException.class)
                .hasMessageContaining("Not an IAM role ARN");
        assertThat(Files.exists(Path.of("PWNED"))).isFalse();
    }
}
