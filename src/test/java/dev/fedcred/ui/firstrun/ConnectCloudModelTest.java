package dev.fedcred.ui.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.sandbox.SandboxClient;
import dev.fedcred.ui.fx.ModelWork;
import dev.fedcred.ui.setup.SetupPage;
import dev.fedcred.ui.testing.StoppedSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The "Connect your own cloud" model without a stage, against the real sandbox as the user's issuer:
 * what is refused before anything is saved, the GCP branch (the window test takes the AWS one), and
 * showing the set-up again changing the same target rather than adding another.
 */
class ConnectCloudModelTest {
    @RegisterExtension
    final StoppedSandbox sandbox = new StoppedSandbox();
    private final List<String> refreshes = new ArrayList<>();

    private ConnectCloudModel model() {
        return new ConnectCloudModel(sandbox.context(), new ModelWork(Runnable::run, Runnable::run),
                sandbox.server()::issuerUri, () -> refreshes.add("refresh"));
    }

    private ConnectCloudModel signedIn() {
        ConnectCloudModel model = model();
        model.signIn(sandbox.server().issuerUri().toString(), SandboxClient.CLIENT_ID, "");
        assertThat(model.error()).isNull();
        assertThat(model.step()).isEqualTo(ConnectCloudModel.Step.TARGET);
        return model;
    }

    @Test
    void anIssuerWithoutAClientIdIsRefusedBeforeAnythingIsSaved() {
        ConnectCloudModel model = model();
        model.signIn(sandbox.server().issuerUri().toString(), " ", "");
        assertThat(model.error()).isEqualTo("Enter the OAuth client ID from the provider's console.");
        assertThat(model.step()).isEqualTo(ConnectCloudModel.Step.ISSUER);
        assertThat(sandbox.context().issuers().all()).allMatch(IssuerConfig::isSandbox);
        assertThat(refreshes).isEmpty();
    }

    @Test
    void theGcpNumbersGiveTheGcloudStepsAndTerraformOfTheNewTarget() {
        ConnectCloudModel model = signedIn();
        assertThat(model.signedInAs()).isEqualTo("Signed in to 127-0-0-1 as sandbox.user@example.com.");
        model.showSetUp(ConnectCloudModel.Cloud.GCP, Map.of("project_number", "123456789012", "pool", "my-pool",
                "provider", "my-provider", "service_account", "app@my-project.iam.gserviceaccount.com"));
        assertThat(model.error()).isNull();
        assertThat(model.step()).isEqualTo(ConnectCloudModel.Step.SET_UP);
        assertThat(model.targetName()).isEqualTo("gcp-my-provider");
        SetupPage page = model.page();
        assertThat(page.tabs()).extracting(SetupPage.Tab::name).containsExactly("gcloud", "Terraform");
        assertThat(page.tab("gcloud").orElseThrow().sections()).anyMatch(section ->
                section.text().contains("--allowed-audiences=" + SandboxClient.CLIENT_ID)
                        && section.text().contains("--issuer-uri=" + sandbox.server().issuerUri()));
        assertThat(sandbox.context().targets().resolve("gcp-my-provider").issuer()).isEqualTo("127-0-0-1");
        assertThat(refreshes).hasSize(2);
    }

    @Test
    void showingTheSetUpAgainChangesTheSameTarget() {
        ConnectCloudModel model = signedIn();
        model.showSetUp(ConnectCloudModel.Cloud.AWS, Map.of("role_arn", "arn:aws:iam::111122223333:role/first"));
        assertThat(model.targetName()).isEqualTo("first");
        model.showSetUp(ConnectCloudModel.Cloud.AWS, Map.of("role_arn", "arn:aws:iam::111122223333:role/second"));
        assertThat(model.error()).isNull();
        assertThat(model.targetName()).isEqualTo("first");
        assertThat(model.page().tabs().get(0).sections().get(0).title())
                .isEqualTo("Trust policy of arn:aws:iam::111122223333:role/second");
        assertThat(sandbox.context().targets().find("second")).isEmpty();
    }

    @Test
    void aPastedPolicyOverTheTrustPolicyFileLimitIsNotParsed() {
        ConnectCloudModel model = signedIn();
        model.showSetUp(ConnectCloudModel.Cloud.AWS, Map.of("role_arn", "arn:aws:iam::111122223333:role/first"));
        String huge = "{\"Version\":\"2012-10-17\",\"Padding\":\"" + "a".repeat(1024 * 1024) + "\"}";
        model.checkPolicy(huge);
        assertThat(model.policyFindings()).containsExactly("That is more than 1024 KiB: a trust policy or provider"
                + " is a few KB. Paste what the command above prints.");
    }
}
