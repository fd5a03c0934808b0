package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.aws.setup.SetupDocumentsParsing;
import dev.fedcred.core.builtin.SandboxTargets;
import dev.fedcred.sandbox.SandboxAws;
import dev.fedcred.sandbox.SandboxClient;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.sandbox.SandboxUser;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up loop against the sandbox acting as AWS: `setup aws` generates the trust policy from
 * the signed-in token, the sandbox applies it, `assume` (the real SDK) works; with one condition
 * changed STS refuses, the refusal says how to check, and `--check` names exactly that condition.
 */
class CliAwsSetupEndToEndTest {
    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;
    private String provider;

    private void start(SandboxOptions options) {
        try {
            sandbox = SandboxServer.start(options.withPort(0).withAutoApprove(true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        context = new FedcredContext(SandboxHome.environment(sandbox, home), Clock.systemUTC(), new FakeBrowser());
        provider = sandbox.issuerUri().getAuthority();
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private ObjectNode generatedPolicy(String... args) throws Exception {
        CliRun setup = CliRun.run(context, args);
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        return (ObjectNode) Json.MAPPER.readTree(setup.out());
    }

    private void apply(String roleName, JsonNode policy) throws Exception {
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.issuerUri() + "/aws-admin/roles/" + roleName + "/trust-policy"))
                .PUT(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(policy)))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    private ObjectNode changed(ObjectNode policy, Consumer<ObjectNode> change) {
        ObjectNode copy = policy.deepCopy();
        change.accept((ObjectNode) copy.path("Statement").get(0));
        return copy;
    }

    /** Assume is refused, its advice gives the check command, and the check names exactly {@code finding}. */
    private void refusedAndExplained(JsonNode policy, String finding) throws Exception {
        apply("fedcred-sandbox", policy);
        CliRun assume = CliRun.run(context, "assume", "sandbox-aws");
        assertThat(assume.exitCode()).isNotZero();
        assertThat(assume.err()).contains("Not authorized to perform sts:AssumeRoleWithWebIdentity")
                .contains("aws iam get-role --role-name fedcred-sandbox --query Role.AssumeRolePolicyDocument --output json > trust-policy.json")
                .contains(" setup aws sandbox-aws --check trust-policy.json");
        Path file = home.resolve("trust-policy.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(policy));
        CliRun check = CliRun.run(context, "setup", "aws", "sandbox-aws", "--check", file.toString());
        assertThat(check.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(check.out().lines().skip(1).toList()).containsExactly("  Statement 1 (FedcredWebIdentity): " + finding);
    }

    @Test
    void theGeneratedTrustPolicyLetsTheUserInAndEachChangedConditionIsNamed() throws Exception {
        start(SandboxOptions.defaults());
        ObjectNode policy = generatedPolicy("setup", "aws", "sandbox-aws", "--format", "json", "--with-sub");
        JsonNode statement = policy.path("Statement").get(0);
        assertThat(statement.path("Principal").path("Federated").asText())
                .isEqualTo("arn:aws:iam::000000000000:oidc-provider/" + provider);
        assertThat(statement.path("Condition").path("StringEquals").path(provider + ":aud").asText()).isEqualTo(SandboxClient.CLIENT_ID);
        assertThat(statement.path("Condition").path("StringEquals").path(provider + ":sub").asText()).isEqualTo(SandboxUser.SUBJECT);

        refusedAndExplained(changed(policy, s -> ((ObjectNode) s.path("Condition").path("StringEquals")).put(provider + ":aud", "other-client")),
                "condition StringEquals on \"" + provider + ":aud\" expects \"other-client\" but the token gives \"fedcred-sandbox\".");
        refusedAndExplained(changed(policy, s -> ((ObjectNode) s.path("Condition").path("StringEquals")).put(provider + ":sub", "someone-else")),
                "condition StringEquals on \"" + provider + ":sub\" expects \"someone-else\" but the token gives \""
                        + SandboxUser.SUBJECT + "\".");
        refusedAndExplained(changed(policy, s -> ((ObjectNode) s.path("Principal")).put("Federated",
                        "arn:aws:iam::000000000000:oidc-provider/login.example.test")),
                "Principal Federated is \"arn:aws:iam::000000000000:oidc-provider/login.example.test\" but the token's provider is"
                        + " \"arn:aws:iam::000000000000:oidc-provider/" + provider + "\".");

        apply("fedcred-sandbox", policy);
        Path file = home.resolve("good.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(policy));
        CliRun check = CliRun.run(context, "setup", "aws", "sandbox-aws", "--check", file.toString());
        assertThat(check.out()).contains("lets your token assume the role");
        assertThat(check.exitCode()).isZero();
        CliRun assume = CliRun.run(context, "assume", "sandbox-aws");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        assertThat(assume.out()).contains("assumed-role/fedcred-sandbox/");
    }

    @Test
    void aRoleThatIsNotATargetYetGetsItsSetUpFromItsArnAndTheCommandsApplyIt() throws Exception {
        String hostile = "it's \"$(touch PWNED)\" `id` ${HOME} %{x}";
        start(SandboxOptions.defaults().withUserClaim("sub", hostile));
        String roleArn = "arn:aws:iam::000000000000:role/team/new-role";
        CliRun setup = CliRun.run(context, "setup", "aws", "--role-arn", roleArn, "--issuer", "sandbox",
                "--with-sub", "--format", "commands");
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        List<List<String>> commands = SetupDocumentsParsing.awsCommands(setup.out(), home);
        assertThat(home.resolve("PWNED")).doesNotExist();
        assertThat(commands.get(0)).containsExactly("iam", "create-open-id-connect-provider", "--url", sandbox.issuerUri().toString(),
                "--client-id-list", SandboxClient.CLIENT_ID);
        JsonNode policy = Json.MAPPER.readTree(SetupDocumentsParsing.argument(commands.get(1), "--assume-role-policy-document"));
        assertThat(policy.path("Statement").get(0).path("Condition").path("StringEquals").path(provider + ":sub").asText())
                .isEqualTo(hostile);
        apply("team/new-role", policy);

        CliRun add = CliRun.run(context, "targets", "add-aws", "new-role", "--role-arn", roleArn, "--profile", "new-role", "--issuer", "sandbox",
                "--sts-endpoint", sandbox.endpoints().get("aws-sts"));
        assertThat(add.exitCode()).as(add.err() + add.out()).isZero();
        CliRun assume = CliRun.run(context, "assume", "new-role");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        assertThat(assume.out()).contains("assumed-role/new-role/");
    }

    @Test
    void aChainedTargetGetsItsRolesTrustForTheSourceSession() throws Exception {
        start(SandboxOptions.defaults());
        ObjectNode policy = generatedPolicy("setup", "aws", "sandbox-aws-chained", "--format", "json");
        JsonNode statement = policy.path("Statement").get(0);
        assertThat(statement.path("Principal").path("AWS").asText()).isEqualTo(SandboxAws.DEFAULT_ROLE_ARN);
        assertThat(statement.path("Action").asText()).isEqualTo("sts:AssumeRole");
        CliRun all = CliRun.run(context, "setup", "aws", "sandbox-aws-chained");
        assertThat(all.out()).contains("===== CloudFormation template (save as fedcred-role.template.json) =====")
                .contains("resource \"aws_iam_role\" \"fedcred\"");
    }

    /** Chained: assume is refused, its advice gives the check command for the chained target, and the check names exactly {@code finding}. */
    private void chainRefusedAndExplained(String target, String roleName, JsonNode policy, String finding) throws Exception {
        apply(roleName, policy);
        CliRun assume = CliRun.run(context, "assume", target);
        assertThat(assume.exitCode()).isNotZero();
        assertThat(assume.err()).contains("is not authorized to perform: sts:AssumeRole")
                .contains("aws iam get-role --role-name " + roleName.substring(roleName.lastIndexOf('/') + 1)
                        + " --query Role.AssumeRolePolicyDocument --output json > trust-policy.json")
                .contains(" setup aws " + target + " --check trust-policy.json");
        Path file = home.resolve("trust-policy.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(policy));
        CliRun check = CliRun.run(context, "setup", "aws", target, "--check", file.toString());
        assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCodes.FAILED);
        assertThat(check.out().lines().skip(1).toList()).containsExactly("  Statement 1 (FedcredRoleChaining): " + finding);
    }

    @Test
    void aChainedTargetsGeneratedTrustLetsTheSourceSessionInAndEachChangedConditionIsNamed() throws Exception {
        start(SandboxOptions.defaults());
        String roleArn = "arn:aws:iam::000000000000:role/team/audit";
        CliRun add = CliRun.run(context, "targets", "add", "aws-chained", "audit", "source=sandbox-aws", "role_arn=" + roleArn,
                "external_id=ext-42", "profile=audit");
        assertThat(add.exitCode()).as(add.err() + add.out()).isZero();
        CliRun before = CliRun.run(context, "assume", "audit");
        assertThat(before.exitCode()).as("the sandbox's trust table does not know the role").isNotZero();

        ObjectNode policy = generatedPolicy("setup", "aws", "audit", "--format", "json");
        assertThat(policy.path("Statement").get(0).path("Condition").path("StringEquals").path("sts:ExternalId").asText())
                .isEqualTo("ext-42");
        chainRefusedAndExplained("audit", "team/audit",
                changed(policy, s -> ((ObjectNode) s.path("Condition").path("StringEquals")).put("sts:ExternalId", "ext-43")),
                "condition StringEquals on \"sts:ExternalId\" expects \"ext-43\" but the request gives \"ext-42\".");
        chainRefusedAndExplained("audit", "team/audit",
                changed(policy, s -> ((ObjectNode) s.path("Principal")).put("AWS", "arn:aws:iam::000000000000:role/someone-else")),
                "Principal AWS is \"arn:aws:iam::000000000000:role/someone-else\" but the request comes from a session of \""
                        + SandboxAws.DEFAULT_ROLE_ARN + "\" in the account \"000000000000\".");
        chainRefusedAndExplained(SandboxTargets.SANDBOX_AWS_CHAINED, "fedcred-sandbox-chained",
                changed(generatedPolicy("setup", "aws", SandboxTargets.SANDBOX_AWS_CHAINED, "--format", "json"),
                        s -> s.putObject("Condition").putObject("StringEquals").put("sts:ExternalId", "wanted")),
                "condition StringEquals on \"sts:ExternalId\" expects \"wanted\" but the request gives no value for it.");

        apply("team/audit", policy);
        Path file = home.resolve("good.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(policy));
        CliRun check = CliRun.run(context, "setup", "aws", "audit", "--check", file.toString());
        assertThat(check.out()).contains("lets the session of sandbox-aws assume the role");
        assertThat(check.exitCode()).isZero();
        CliRun assume = CliRun.run(context, "assume", "audit");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        assertThat(assume.out()).contains("assumed-role/audit/");
    }

    @Test
    void withoutASignInItSaysToSignInAndExits3() throws Exception {
        start(SandboxOptions.defaults());
        assertThat(CliRun.run(context, "logout").exitCode()).isZero();
        CliRun setup = CliRun.run(context, "setup", "aws", "sandbox-aws");
        assertThat(setup.exitCode()).isEqualTo(ExitCodes.NOT_SIGNED_IN);
        assertThat(setup.err()).contains("You are not signed in to sandbox").contains("login --issuer sandbox");
    }

    @Test
    void theSandboxRefusesATrustPolicyFileItCannotUseBeforeItStarts() throws Exception {
        context = new FedcredContext(java.util.Map.of("FEDCRED_HOME", home.toString()), Clock.systemUTC(), new FakeBrowser());
        Path bad = home.resolve("bad.json");
        Files.writeString(bad, "{\"Version\":\"2012-10-17\"}");
        CliRun run = CliRun.run(context, "sandbox", "--port", "0", "--gcp-port", "0",
                "--aws-trust-policy", "arn:aws:iam::000000000000:role/x=" + bad);
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--aws-trust-policy arn:aws:iam::000000000000:role/x=" + bad)
                .contains("Statement");
    }
}
