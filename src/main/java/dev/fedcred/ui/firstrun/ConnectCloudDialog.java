package dev.fedcred.ui.firstrun;

import atlantafx.base.theme.Styles;
import dev.fedcred.ui.fx.Icons;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.Resources;
import dev.fedcred.ui.setup.SetupPage;
import dev.fedcred.ui.setup.SetupPane;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Draws {@link ConnectCloudModel}: three numbered parts, each with its one action (Sign in, Show
 * the set-up, Try it), each part enabled once the one before is done, and under them what runs,
 * what went wrong, the diagnosis and the pasted-policy check. Every text it shows from outside was
 * neutralised by the model or by core.
 */
public final class ConnectCloudDialog {
    public static final String TITLE = "Connect your own cloud";
    public static final String ROLE_ARN = "Role ARN";

    private final ConnectCloudModel model;
    private final Stage stage = new Stage();

    private final TextField issuerUrl = field("Issuer URL", "https://accounts.google.com");
    private final TextField clientId = field("Client ID", "");
    private final TextField clientSecret = field("Client secret", "");
    private final Button signIn = action(ConnectCloudModel.SIGN_IN, ConnectCloudModel.SIGN_IN_SPOKEN, Icons.SIGN_IN);
    private final Label signedIn = new Label();

    private final RadioButton aws = new RadioButton("AWS role");
    private final RadioButton gcp = new RadioButton("Google Cloud (workload identity federation)");
    private final TextField roleArn = field(ROLE_ARN, "");
    private final TextField stsEndpoint = field("STS endpoint", "");
    private final TextField projectNumber = field("Project number", "");
    private final TextField pool = field("Pool", "");
    private final TextField provider = field("Provider", "");
    private final TextField serviceAccount = field("Service account", "");
    private final GridPane awsFields = grid(ROLE_ARN, roleArn, "STS endpoint (empty: AWS's)", stsEndpoint);
    private final GridPane gcpFields = grid("Project number", projectNumber, "Pool ID", pool, "Provider ID", provider,
            "Service account (optional)", serviceAccount);
    private final Button showSetUp = action(ConnectCloudModel.SHOW_SET_UP, ConnectCloudModel.SHOW_SET_UP_SPOKEN, Icons.CLOUD);
    private final VBox targetPart;

    private final VBox setUpBox = new VBox(8);
    private final Button tryIt = action(ConnectCloudModel.TRY_IT, ConnectCloudModel.TRY_IT_SPOKEN, Icons.GET_CREDENTIALS);
    private final VBox setUpPart;
    private SetupPage shownPage;
    private final ScrollPane scroll;
    /** The outcome last brought into view, so each new one is scrolled to once. */
    private String shownOutcome;

    private final Label working = new Label();
    private final HBox workingLine;
    private final Label result = new Label();
    private final Label error = new Label();
    private final VBox diagnosis = new VBox(4);
    private final TextArea pasted = new TextArea();
    private final Button checkPolicy = action(ConnectCloudModel.CHECK_POLICY, ConnectCloudModel.CHECK_POLICY, Icons.CHECK);
    private final VBox policyFindings = new VBox(4);
    private final VBox policyCheck;

    private ConnectCloudDialog(ConnectCloudModel model) {
        this.model = model;
        Label intro = new Label("From your OAuth client ID to working credentials: sign in with your own provider,"
                + " name the role (or the Google Cloud numbers), apply the set-up fedcred makes from your token, and try it.");
        intro.setWrapText(true);

        clientSecret.setPromptText("Google needs it; other providers may not");
        VBox issuerPart = part("1. Your sign-in", grid("Issuer URL", issuerUrl, "Client ID", clientId,
                "Client secret", clientSecret), new HBox(8, signIn, signedIn));
        signIn.setOnAction(event -> model.signIn(issuerUrl.getText(), clientId.getText(), clientSecret.getText()));
        signedIn.getStyleClass().add("notice");
        Nodes.wrapFully(signedIn);

        ToggleGroup cloud = new ToggleGroup();
        aws.setToggleGroup(cloud);
        gcp.setToggleGroup(cloud);
        aws.setSelected(true);
        cloud.selectedToggleProperty().addListener((observable, before, now) -> showCloudFields());
        roleArn.setPromptText("arn:aws:iam::123456789012:role/my-role");
        targetPart = part("2. Your cloud role", new HBox(16, aws, gcp), awsFields, gcpFields, new HBox(8, showSetUp));
        showSetUp.setOnAction(event -> model.showSetUp(aws.isSelected() ? ConnectCloudModel.Cloud.AWS
                : ConnectCloudModel.Cloud.GCP, values()));
        showCloudFields();

        Label apply = new Label("Apply one of these in your cloud account (copy it), then try it.");
        apply.setWrapText(true);
        setUpPart = part("3. Set up your cloud, then try it", apply, setUpBox, new HBox(8, tryIt));
        tryIt.setOnAction(event -> model.tryIt());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        Nodes.wrapFully(working);
        workingLine = new HBox(8, progress, working);
        workingLine.setAlignment(Pos.CENTER_LEFT);
        result.getStyleClass().add("notice");
        Nodes.wrapFully(result);
        result.setAccessibleText("Result");
        error.getStyleClass().add("error-text");
        Nodes.wrapFully(error);
        error.setAccessibleText("What went wrong");

        pasted.setAccessibleText("Policy to check");
        pasted.setPromptText("Paste the JSON here");
        pasted.setPrefRowCount(6);
        pasted.getStyleClass().add("setup-document");
        checkPolicy.setOnAction(event -> model.checkPolicy(pasted.getText()));
        policyCheck = new VBox(6, new Label("Check the present policy against your token: paste the role's trust"
                + " policy (aws iam get-role … --output json) or the provider (gcloud … providers describe --format=json)."),
                pasted, new HBox(8, checkPolicy), policyFindings);
        ((Label) policyCheck.getChildren().get(0)).setWrapText(true);

        VBox content = new VBox(14, intro, issuerPart, targetPart, setUpPart, workingLine, result, error, diagnosis,
                policyCheck);
        scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(event -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox root = new VBox(12, scroll, new HBox(8, spacer, close));
        root.getStyleClass().add("connect-cloud");
        root.getStylesheets().add(Objects.requireNonNull(ConnectCloudDialog.class.getResource(Resources.STYLESHEET))
                .toExternalForm());
        root.setPrefSize(780, 760);
        stage.setTitle(TITLE);
        stage.setScene(new Scene(root));
        stage.setOnHidden(event -> model.cancel());
        model.onChange(this::show);
        show();
    }

    /** Opens the path over {@code owner}. */
    public static Stage open(Window owner, ConnectCloudModel model) {
        ConnectCloudDialog dialog = new ConnectCloudDialog(model);
        dialog.stage.initModality(Modality.WINDOW_MODAL);
        if (owner != null) {
            dialog.stage.initOwner(owner);
        }
        dialog.stage.show();
        return dialog.stage;
    }

    private void show() {
        boolean busy = model.busy();
        ConnectCloudModel.Step step = model.step();
        signIn.setDisable(busy);
        signedIn.setText(model.signedInAs() == null ? "" : model.signedInAs());
        targetPart.setDisable(step == ConnectCloudModel.Step.ISSUER);
        showSetUp.setDisable(busy);
        setUpPart.setDisable(model.page() == null);
        tryIt.setDisable(busy || model.page() == null);
        if (model.page() != shownPage) {
            shownPage = model.page();
            setUpBox.getChildren().setAll(new SetupPane(shownPage));
        }
        working.setText(model.working() == null ? "" : model.working());
        Nodes.showIf(workingLine, model.working() != null);
        result.setText(model.result() == null ? "" : model.result());
        Nodes.showIf(result, model.result() != null);
        error.setText(model.error() == null ? "" : model.error());
        Nodes.showIf(error, model.error() != null);
        diagnosis.getChildren().clear();
        if (!model.diagnosis().isEmpty()) {
            diagnosis.getChildren().add(heading("What fedcred's check finds on this computer"));
            model.diagnosis().forEach(line -> diagnosis.getChildren().add(wrapped(line, "hint")));
        }
        Nodes.showIf(diagnosis, !model.diagnosis().isEmpty());
        checkPolicy.setDisable(busy);
        Nodes.showIf(policyCheck, model.policyCheckOffered());
        String outcome = model.result() + "|" + model.error() + "|" + model.policyFindings();
        if (shownOutcome != null && !outcome.equals(shownOutcome)) {
            // the outcome of an action is below it: bring it into view once laid out
            Platform.runLater(() -> scroll.setVvalue(1.0));
        }
        shownOutcome = outcome;
        policyFindings.getChildren().setAll(model.policyFindings().stream().map(line -> (Node) wrapped(line, "error-text"))
                .toList());
    }

    private void showCloudFields() {
        Nodes.showIf(awsFields, aws.isSelected());
        Nodes.showIf(gcpFields, gcp.isSelected());
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        if (aws.isSelected()) {
            values.put("role_arn", roleArn.getText());
            values.put("sts_endpoint", stsEndpoint.getText());
        } else {
            values.put("project_number", projectNumber.getText());
            values.put("pool", pool.getText());
            values.put("provider", provider.getText());
            values.put("service_account", serviceAccount.getText());
        }
        return values;
    }

    private static VBox part(String title, Node... children) {
        VBox part = new VBox(8, heading(title));
        part.getChildren().addAll(children);
        part.getStyleClass().add("finding");
        return part;
    }

    private static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("setup-section-title");
        return heading;
    }

    private static Label wrapped(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        Nodes.wrapFully(label);
        return label;
    }

    private static TextField field(String accessibleText, String text) {
        TextField field = new TextField(text);
        field.setAccessibleText(accessibleText);
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private static Button action(String text, String accessibleText, Icons icon) {
        Button button = new Button(text);
        button.setAccessibleText(accessibleText);
        icon.on(button);
        button.getStyleClass().add(Styles.ACCENT);
        button.setMinWidth(Region.USE_PREF_SIZE);
        return button;
    }

    /** Label, field, label, field…: two columns, the fields taking the width. */
    private static GridPane grid(Object... labelsAndFields) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        for (int i = 0; i < labelsAndFields.length; i += 2) {
            Label label = new Label((String) labelsAndFields[i]);
            label.setMinWidth(Region.USE_PREF_SIZE);
            Node field = (Node) labelsAndFields[i + 1];
            GridPane.setHgrow(field, Priority.ALWAYS);
            grid.addRow(i / 2, label, field);
        }
        return grid;
    }
}
