package dev.fedcred.ui;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.ui.IssuerForm.Field;
import dev.fedcred.ui.IssuerForm.Provider;
import dev.fedcred.ui.IssuerForm.Redirect;
import dev.fedcred.ui.IssuerForm.Result;
import dev.fedcred.ui.IssuerForm.Values;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Adds or edits one issuer, as {@code fedcred issuers add} does. Each field says what is wrong
 * with it as soon as it has been touched, Save stays disabled until all are right, and saving
 * runs in the background: a failure (a broken settings file, say) shows here and the dialog
 * keeps everything typed. Enter saves, Escape cancels.
 */
final class IssuerDialog {
    static final String ADD_TITLE = "Add issuer";
    static final String SAVE = "Save";
    static final String SECRET_HINT = "In an app on your computer it cannot stay secret (RFC 8252);"
            + " fedcred keeps it only in your private settings file.";
    static final String SECRET_REQUIRED_BY_GOOGLE = "Client secret (required)";
    static final String GOOGLE_SECRET_HINT = "Google Desktop clients need their secret, even with PKCE. " + SECRET_HINT;
    static final String SECRET_OPTIONAL = "Client secret (optional)";
    static final String OTHER_SECRET_HINT = "Only if the provider issued one. " + SECRET_HINT;

    private final FedcredContext context;
    private final BackgroundWork work;
    private final IssuerConfig editing;
    private final IssuerForm form;
    private final Consumer<IssuerConfig> onSaved;
    private final Runnable onFailed;

    private final Stage stage = new Stage();
    private final ToggleGroup provider = new ToggleGroup();
    private final RadioButton google = radio(Provider.GOOGLE.text, provider);
    private final RadioButton other = radio(Provider.OTHER.text, provider);
    private final TextField name = new TextField();
    private final TextField issuerUrl = new TextField();
    private final TextField clientId = new TextField();
    private final PasswordField secret = new PasswordField();
    private final TextField secretShown = new TextField();
    private final CheckBox showSecret = new CheckBox("Show");
    private final Label secretLabel = new Label();
    private final Label secretHint = hint("");
    private final TextField scopes = new TextField();
    private final ToggleGroup redirect = new ToggleGroup();
    private final RadioButton anyPort = radio(Redirect.ANY_FREE_PORT.text, redirect);
    private final RadioButton fixedUri = radio(Redirect.FIXED.text, redirect);
    private final TextField redirectUri = new TextField();
    private final Map<Field, Label> errors = new EnumMap<>(Field.class);
    /** Fields the user changed: their errors show once they leave the field. */
    private final Set<Field> edited = EnumSet.noneOf(Field.class);
    /** Fields whose errors show. */
    private final Set<Field> touched = EnumSet.noneOf(Field.class);
    private final Label stillNeeded = new Label();
    private final Label saveError = new Label();
    private final ProgressIndicator saving = new ProgressIndicator();
    private final Button save = new Button(SAVE);
    private final Button cancel = new Button("Cancel");
    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /** The URL typed for "Other", kept while Google's fixed one shows. */
    private String otherIssuerUrl = "";
    /** While the dialog itself sets a field, the field does not count as touched. */
    private boolean settingFields;

    private IssuerDialog(Window owner, FedcredContext context, BackgroundWork work, IssuerConfig editing,
                         Set<String> takenNames, Consumer<IssuerConfig> onSaved, Runnable onFailed) {
        this.context = context;
        this.work = work;
        this.editing = editing;
        this.form = new IssuerForm(takenNames);
        this.onSaved = onSaved;
        this.onFailed = onFailed;

        VBox root = new VBox(12, grid(), saveError, buttons());
        root.getStyleClass().add("issuer-dialog");
        root.getStylesheets().add(Objects.requireNonNull(getClass().getResource(MainWindow.STYLESHEET)).toExternalForm());
        root.setPrefWidth(640);
        // Enter while something is wrong: show every problem instead of doing nothing silently
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && !valid.get()) {
                touched.addAll(EnumSet.allOf(Field.class));
                recheck();
            }
        });

        fill(editing == null ? Values.blank() : Values.of(editing));
        // editing starts from saved values: say at once if one of them is no longer right
        if (editing != null) {
            touched.addAll(EnumSet.allOf(Field.class));
        }
        listen();
        recheck();

        stage.setTitle(editing == null ? ADD_TITLE : "Edit " + editing.name());
        stage.initModality(Modality.WINDOW_MODAL);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(root));
        // errors come and go: the dialog's size follows its content, so Save never drops out of sight
        stage.setResizable(false);
    }

    private void fitToContent() {
        if (stage.isShowing()) {
            stage.sizeToScene();
        }
    }

    static IssuerDialog add(Window owner, FedcredContext context, BackgroundWork work, Set<String> takenNames,
                            Consumer<IssuerConfig> onSaved, Runnable onFailed) {
        return new IssuerDialog(owner, context, work, null, takenNames, onSaved, onFailed);
    }

    /** {@code takenNames} may include the edited issuer's own name: keeping it is no clash. */
    static IssuerDialog edit(Window owner, FedcredContext context, BackgroundWork work, IssuerConfig issuer,
                             Set<String> takenNames, Consumer<IssuerConfig> onSaved, Runnable onFailed) {
        Set<String> others = takenNames.stream().filter(n -> !n.equals(issuer.name())).collect(Collectors.toSet());
        return new IssuerDialog(owner, context, work, issuer, others, onSaved, onFailed);
    }

    void show() {
        stage.show();
        (editing == null ? name : clientId).requestFocus();
    }

    void close() {
        stage.close();
    }

    Stage stage() {
        return stage;
    }

    private GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);

        Label providerLabel = label("Provider", google);
        google.setAccessibleText("Provider: " + Provider.GOOGLE.text);
        other.setAccessibleText("Provider: " + Provider.OTHER.text);
        row(grid, 0, providerLabel, new HBox(16, google, other));

        prepare(name, Field.NAME, "google, work, …");
        row(grid, 1, label(Field.NAME.text, name), withError(Field.NAME, name));

        prepare(issuerUrl, Field.ISSUER_URL, "https://login.example.com/realms/main");
        row(grid, 2, label(Field.ISSUER_URL.text, issuerUrl), withError(Field.ISSUER_URL, issuerUrl));

        prepare(clientId, Field.CLIENT_ID, "from the provider's console");
        row(grid, 3, label(Field.CLIENT_ID.text, clientId), withError(Field.CLIENT_ID, clientId));

        prepare(secret, Field.CLIENT_SECRET, "");
        prepare(secretShown, Field.CLIENT_SECRET, "");
        secretShown.textProperty().bindBidirectional(secret.textProperty());
        secretShown.visibleProperty().bind(showSecret.selectedProperty());
        secret.visibleProperty().bind(showSecret.selectedProperty().not());
        showSecret.setAccessibleText("Show the client secret");
        StackPane secretFields = new StackPane(secret, secretShown);
        HBox.setHgrow(secretFields, Priority.ALWAYS);
        HBox secretLine = new HBox(8, secretFields, showSecret);
        secretLine.setAlignment(Pos.CENTER_LEFT);
        secretLabel.setLabelFor(secret);
        secretLabel.setMinWidth(Region.USE_PREF_SIZE);
        row(grid, 4, secretLabel, withError(Field.CLIENT_SECRET, secretLine, secretHint));

        prepare(scopes, Field.SCOPES, IssuerForm.DEFAULT_SCOPES);
        row(grid, 5, label(Field.SCOPES.text, scopes), withError(Field.SCOPES, scopes,
                hint("Separated by spaces; \"openid\" is required.")));

        prepare(redirectUri, Field.REDIRECT_URI, IssuerForm.REDIRECT_EXAMPLE);
        anyPort.setAccessibleText("Redirect: " + Redirect.ANY_FREE_PORT.text);
        fixedUri.setAccessibleText("Redirect: " + Redirect.FIXED.text);
        redirectUri.disableProperty().bind(fixedUri.selectedProperty().not());
        VBox uriBox = withError(Field.REDIRECT_URI, redirectUri);
        // under the choice it belongs to
        VBox.setMargin(uriBox, new Insets(0, 0, 0, 24));
        VBox redirectChoice = new VBox(6, anyPort, fixedUri, uriBox);
        Label redirectLabel = label("Redirect", anyPort);
        row(grid, 6, redirectLabel, redirectChoice);
        return grid;
    }

    private Node buttons() {
        saveError.getStyleClass().add("error");
        Nodes.wrapFully(saveError);
        Nodes.hide(saveError);
        stillNeeded.getStyleClass().add("hint");
        Nodes.wrapFully(stillNeeded);
        saving.setPrefSize(18, 18);
        saving.visibleProperty().bind(busy);
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setAccessibleText(SAVE);
        save.disableProperty().bind(valid.not().or(busy));
        save.setOnAction(event -> save());
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> stage.close());
        save.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(stillNeeded, Priority.ALWAYS);
        stillNeeded.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(10, stillNeeded, saving, cancel, save);
        line.setAlignment(Pos.CENTER_RIGHT);
        return line;
    }

    private void fill(Values values) {
        (values.provider() == Provider.GOOGLE ? google : other).setSelected(true);
        name.setText(values.name());
        otherIssuerUrl = values.provider() == Provider.OTHER ? values.issuerUrl() : "";
        clientId.setText(values.clientId());
        secret.setText(values.clientSecret());
        scopes.setText(values.scopes());
        (values.redirect() == Redirect.FIXED ? fixedUri : anyPort).setSelected(true);
        redirectUri.setText(values.redirectUri());
        showProvider();
    }

    private void listen() {
        provider.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now == null) {
                before.setSelected(true);
                return;
            }
            showProvider();
            recheck();
        });
        redirect.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now == null) {
                before.setSelected(true);
                return;
            }
            recheck();
        });
        watch(name, Field.NAME);
        watch(issuerUrl, Field.ISSUER_URL);
        watch(clientId, Field.CLIENT_ID);
        watch(secret, Field.CLIENT_SECRET);
        watch(secretShown, Field.CLIENT_SECRET);
        watch(scopes, Field.SCOPES);
        watch(redirectUri, Field.REDIRECT_URI);
    }

    /** Google's issuer is fixed; "Other" gets back whatever URL was typed for it. */
    private void showProvider() {
        settingFields = true;
        try {
            showProviderFields();
        } finally {
            settingFields = false;
        }
    }

    private void showProviderFields() {
        boolean isGoogle = google.isSelected();
        if (isGoogle) {
            if (issuerUrl.isEditable()) {
                otherIssuerUrl = issuerUrl.getText();
            }
            issuerUrl.setEditable(false);
            issuerUrl.setText(IssuerKind.GOOGLE_ISSUER.toString());
        } else {
            issuerUrl.setEditable(true);
            issuerUrl.setText(otherIssuerUrl);
        }
        // Google's fixed URL is there to read, not a stop on the way through the form
        issuerUrl.setFocusTraversable(!isGoogle);
        issuerUrl.getStyleClass().remove("read-only");
        if (isGoogle) {
            issuerUrl.getStyleClass().add("read-only");
        }
        secretLabel.setText(isGoogle ? SECRET_REQUIRED_BY_GOOGLE : SECRET_OPTIONAL);
        secretHint.setText(isGoogle ? GOOGLE_SECRET_HINT : OTHER_SECRET_HINT);
    }

    private void watch(TextInputControl field, Field which) {
        field.textProperty().addListener((observable, before, now) -> {
            if (!settingFields) {
                edited.add(which);
                // typed into: wait until the user leaves the field; set from outside (a paste by
                // drag and drop, a test): check at once
                if (!field.isFocused()) {
                    touched.add(which);
                }
            }
            recheck();
        });
        field.focusedProperty().addListener((observable, was, is) -> {
            if (!is && edited.contains(which)) {
                touched.add(which);
                recheck();
            }
        });
    }

    private Values values() {
        return new Values(google.isSelected() ? Provider.GOOGLE : Provider.OTHER, name.getText(),
                issuerUrl.getText(), clientId.getText(), secret.getText(), scopes.getText(),
                fixedUri.isSelected() ? Redirect.FIXED : Redirect.ANY_FREE_PORT, redirectUri.getText());
    }

    private Result recheck() {
        Result result = form.check(values());
        valid.set(result.valid());
        for (Map.Entry<Field, Label> entry : errors.entrySet()) {
            String error = result.errors().get(entry.getKey());
            Label label = entry.getValue();
            if (error != null && touched.contains(entry.getKey())) {
                label.setText(error);
                Nodes.show(label);
            } else {
                label.setText("");
                Nodes.hide(label);
            }
        }
        String missing = result.errors().keySet().stream().filter(field -> !touched.contains(field))
                .map(field -> Character.toLowerCase(field.text.charAt(0)) + field.text.substring(1))
                .collect(Collectors.joining(", "));
        stillNeeded.setText(missing.isEmpty() ? "" : "Still needed: " + missing + ".");
        Platform.runLater(this::fitToContent);
        return result;
    }

    private void save() {
        Result result = recheck();
        if (!result.valid() || busy.get()) {
            return;
        }
        IssuerConfig issuer = result.issuer();
        IssuerConfig before = editing;
        Nodes.hide(saveError);
        busy.set(true);
        work.run(() -> {
            IssuerConfig saved = context.issuers().add(issuer);
            // a new name is a new issuer: the old one goes, with the sign-in made under its name
            if (before != null && !before.name().equals(saved.name())) {
                context.issuers().remove(before.name());
                context.sessions().signOut(before.name());
            }
            return saved;
        }, saved -> {
            busy.set(false);
            stage.close();
            onSaved.accept(saved);
        }, failure -> {
            busy.set(false);
            saveError.setText(UserMessages.of(failure));
            Nodes.show(saveError);
            onFailed.run();
        });
    }

    private void prepare(TextInputControl field, Field which, String prompt) {
        field.setAccessibleText(which.text);
        field.setPromptText(prompt);
        field.setMaxWidth(Double.MAX_VALUE);
    }

    private VBox withError(Field which, Node field, Node... below) {
        Label error = errors.computeIfAbsent(which, key -> {
            Label label = new Label();
            label.getStyleClass().add("field-error");
            label.setAccessibleText(key.text + " error");
            Nodes.wrapFully(label);
            Nodes.hide(label);
            return label;
        });
        // a screen reader reads the field's problem with the field
        if (field instanceof TextInputControl input) {
            input.accessibleHelpProperty().bind(error.textProperty());
        }
        VBox box = new VBox(3, field);
        box.getChildren().addAll(below);
        box.getChildren().add(error);
        return box;
    }

    private static void row(GridPane grid, int row, Label label, Node field) {
        GridPane.setValignment(label, VPos.TOP);
        label.setPadding(new Insets(4, 0, 0, 0));
        grid.addRow(row, label, field);
    }

    private static Label label(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("hint");
        Nodes.wrapFully(hint);
        return hint;
    }

    private static RadioButton radio(String text, ToggleGroup group) {
        RadioButton radio = new RadioButton(text);
        radio.setToggleGroup(group);
        return radio;
    }

}
