package dev.fedcred.ui.issuers;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.issuers.IssuerCheck;
import dev.fedcred.core.issuers.IssuerField;
import dev.fedcred.core.issuers.IssuerValidation;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.FormDialog;
import dev.fedcred.ui.issuers.IssuerForm.Provider;
import dev.fedcred.ui.issuers.IssuerForm.Redirect;
import dev.fedcred.ui.issuers.IssuerForm.Values;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Adds or edits one issuer, as {@code fedcred issuers add} does, in a {@link FormDialog}: each
 * field says what is wrong with it as soon as it has been touched, Save stays disabled until all
 * are right, and saving runs in the background.
 */
public final class IssuerDialog {
    public static final String ADD_TITLE = "Add issuer";
    public static final String SAVE = FormDialog.SAVE;
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
    private final FormDialog<IssuerField> dialog;

    private final ToggleGroup provider = new ToggleGroup();
    private final RadioButton google = FormDialog.radio(Provider.GOOGLE.text, provider);
    private final RadioButton other = FormDialog.radio(Provider.OTHER.text, provider);
    private final TextField name = new TextField();
    private final TextField issuerUrl = new TextField();
    private final TextField clientId = new TextField();
    private final PasswordField secret = new PasswordField();
    private final TextField secretShown = new TextField();
    private final CheckBox showSecret = new CheckBox("Show");
    private final Label secretLabel = new Label();
    private final Label secretHint = FormDialog.hint("");
    private final TextField scopes = new TextField();
    private final ToggleGroup redirect = new ToggleGroup();
    private final RadioButton anyPort = FormDialog.radio(Redirect.ANY_FREE_PORT.text, redirect);
    private final RadioButton fixedUri = FormDialog.radio(Redirect.FIXED.text, redirect);
    private final TextField redirectUri = new TextField();

    /** The URL typed for "Other", kept while Google's fixed one shows. */
    private String otherIssuerUrl = "";

    private IssuerDialog(Window owner, FedcredContext context, BackgroundWork work, IssuerConfig editing,
                         Set<String> takenNames, Consumer<IssuerConfig> onSaved, Runnable onFailed) {
        this.context = context;
        this.work = work;
        this.editing = editing;
        this.form = new IssuerForm(takenNames);
        this.onSaved = onSaved;
        this.onFailed = onFailed;
        this.dialog = new FormDialog<>(owner, editing == null ? ADD_TITLE : "Edit " + editing.name(), "issuer-dialog",
                IssuerForm::label, this::recheck);

        layOut();
        dialog.setting(() -> fill(editing == null ? Values.blank() : Values.of(editing)));
        // editing starts from saved values: say at once if one of them is no longer right
        if (editing != null) {
            dialog.touchAll();
        }
        listen();
        dialog.onSave(this::save);
        recheck();
    }

    public static IssuerDialog add(Window owner, FedcredContext context, BackgroundWork work, Set<String> takenNames,
                            Consumer<IssuerConfig> onSaved, Runnable onFailed) {
        return new IssuerDialog(owner, context, work, null, takenNames, onSaved, onFailed);
    }

    /** {@code takenNames} may include the edited issuer's own name: keeping it is no clash. */
    public static IssuerDialog edit(Window owner, FedcredContext context, BackgroundWork work, IssuerConfig issuer,
                             Set<String> takenNames, Consumer<IssuerConfig> onSaved, Runnable onFailed) {
        Set<String> others = takenNames.stream().filter(n -> !n.equals(issuer.name())).collect(Collectors.toSet());
        return new IssuerDialog(owner, context, work, issuer, others, onSaved, onFailed);
    }

    public void show() {
        dialog.show(editing == null ? name : clientId);
    }

    public void close() {
        dialog.close();
    }

    Stage stage() {
        return dialog.stage();
    }

    private void layOut() {
        google.setAccessibleText("Provider: " + Provider.GOOGLE.text);
        other.setAccessibleText("Provider: " + Provider.OTHER.text);
        dialog.row(FormDialog.label("Provider", google), new HBox(16, google, other));

        dialog.textRow(name, IssuerField.NAME, "google, work, …");
        dialog.textRow(issuerUrl, IssuerField.ISSUER_URL, "https://login.example.com/realms/main");
        dialog.textRow(clientId, IssuerField.CLIENT_ID, "from the provider's console");

        dialog.prepare(secret, IssuerField.CLIENT_SECRET, "");
        dialog.prepare(secretShown, IssuerField.CLIENT_SECRET, "");
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
        dialog.row(secretLabel, dialog.withError(IssuerField.CLIENT_SECRET, secretLine, secretHint));

        dialog.textRow(scopes, IssuerField.SCOPES, IssuerForm.DEFAULT_SCOPES,
                FormDialog.hint("Separated by spaces; \"openid\" is required."));

        dialog.prepare(redirectUri, IssuerField.REDIRECT_URI, IssuerValidation.REDIRECT_EXAMPLE);
        anyPort.setAccessibleText("Redirect: " + Redirect.ANY_FREE_PORT.text);
        fixedUri.setAccessibleText("Redirect: " + Redirect.FIXED.text);
        redirectUri.disableProperty().bind(fixedUri.selectedProperty().not());
        VBox uriBox = dialog.withError(IssuerField.REDIRECT_URI, redirectUri);
        // under the choice it belongs to
        VBox.setMargin(uriBox, new Insets(0, 0, 0, 24));
        dialog.row(FormDialog.label("Redirect", anyPort), new VBox(6, anyPort, fixedUri, uriBox));
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
        FormDialog.keepSelected(provider, () -> {
            dialog.setting(this::showProvider);
            recheck();
        });
        FormDialog.keepSelected(redirect, this::recheck);
        dialog.watch(secret, IssuerField.CLIENT_SECRET);
        dialog.watch(secretShown, IssuerField.CLIENT_SECRET);
        dialog.watch(redirectUri, IssuerField.REDIRECT_URI);
    }

    /** Google's issuer is fixed; "Other" gets back whatever URL was typed for it. */
    private void showProvider() {
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

    private Values values() {
        return new Values(google.isSelected() ? Provider.GOOGLE : Provider.OTHER, name.getText(),
                issuerUrl.getText(), clientId.getText(), secret.getText(), scopes.getText(),
                fixedUri.isSelected() ? Redirect.FIXED : Redirect.ANY_FREE_PORT, redirectUri.getText());
    }

    private IssuerCheck recheck() {
        IssuerCheck result = form.check(values());
        dialog.showProblems(result.problems(), result.valid());
        return result;
    }

    private void save() {
        IssuerCheck result = recheck();
        if (!result.valid()) {
            return;
        }
        IssuerConfig issuer = result.issuer();
        IssuerConfig before = editing;
        dialog.save(work, () -> before == null ? context.issuerEditor().add(issuer)
                : context.issuerEditor().change(before.name(), issuer), onSaved, onFailed);
    }
}
