package dev.fedcred.ui.fx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What the settings dialogs share: labelled fields in a grid, each with its problem under it once
 * the user has left the field (or at once when set from outside), "Still needed" for fields not
 * yet touched, Save disabled until all is right, saving in the background with the failure shown
 * in the dialog (which keeps everything typed), Enter saves and Escape cancels. A field whose
 * problem shows also carries ControlsFX's error mark ({@link FieldDecorations}).
 *
 * @param <F> the dialog's fields (an enum, or a kind of target's fields); {@code text} gives each its label and
 *            accessible name
 */
public final class FormDialog<F> {
    public static final String SAVE = "Save";

    private final Function<F, String> text;
    private final Runnable recheck;
    private final Stage stage = new Stage();
    /** Height kept for the title bar, the destination line, a save error and the buttons. */
    private static final double ROOM_BELOW_FIELDS = 240;

    private final GridPane grid = new GridPane();
    private final VBox root;
    private final Map<F, Label> errors;
    /** The problems showing now, by field; the error marks follow them. */
    private final Map<F, String> shown;
    private final FieldDecorations<F> decorations;
    /** Fields the user changed: their errors show once they leave the field. */
    private final Set<F> edited;
    /** Fields whose errors show. */
    private final Set<F> touched;
    /** Every field's error shows, as after Enter on a form that cannot be saved. */
    private boolean allTouched;
    private final Label stillNeeded = new Label();
    private final Label saveError = new Label();
    private final ProgressIndicator saving = new ProgressIndicator();
    private final Button save = new Button(SAVE);
    private final Button cancel = new Button("Cancel");
    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private Runnable onSave = () -> { };
    private int rows;
    /** While the dialog itself sets a field, the field does not count as touched. */
    private boolean settingFields;

    /**
     * @param recheck checks the form again and calls {@link #showProblems}; runs after every change
     */
    public FormDialog(Window owner, String title, String styleClass, Function<F, String> text, Runnable recheck) {
        this.text = text;
        this.recheck = recheck;
        this.errors = new LinkedHashMap<>();
        this.shown = new HashMap<>();
        this.decorations = new FieldDecorations<>(shown::get);
        this.edited = new HashSet<>();
        this.touched = new HashSet<>();

        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        inputs.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, inputs);

        root = new VBox(12, scrolling(grid), saveError, buttons());
        root.getStyleClass().addAll("form-dialog", styleClass);
        root.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Resources.STYLESHEET)).toExternalForm());
        root.setPrefWidth(640);
        // Enter while something is wrong: show every problem instead of doing nothing silently
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && !valid.get()) {
                touchAll();
                recheck.run();
            }
        });

        stage.setTitle(title);
        stage.initModality(Modality.WINDOW_MODAL);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(new Scene(root));
        // errors come and go: the dialog's size follows its content, so Save never drops out of sight
        stage.setResizable(false);
    }

    public Stage stage() {
        return stage;
    }

    /**
     * The fields scroll when they are taller than the screen allows (a kind with many settings, a
     * small laptop screen); Save and Cancel stay in sight below them.
     */
    private static ScrollPane scrolling(GridPane fields) {
        ScrollPane pane = new ScrollPane(fields);
        pane.setFitToWidth(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        pane.getStyleClass().addAll("edge-to-edge", "form-fields");
        pane.setMaxHeight(Math.max(240, Screen.getPrimary().getVisualBounds().getHeight() - ROOM_BELOW_FIELDS));
        return pane;
    }

    public void show(Node focus) {
        stage.show();
        focus.requestFocus();
    }

    public void close() {
        stage.close();
    }

    /** What Save does once the form is valid; see {@link #save}. */
    public void onSave(Runnable action) {
        onSave = action;
    }

    /** Adds a line below the grid, above the save error, such as where the credentials go. */
    public void addBelowFields(Node node) {
        root.getChildren().add(1, node);
    }

    /** Appends a row of the grid. */
    public void row(Label label, Node content) {
        GridPane.setValignment(label, VPos.TOP);
        label.setPadding(new Insets(4, 0, 0, 0));
        grid.addRow(rows++, label, content);
    }

    /** A text field's row: its label, the field, hints under it, then its problem. */
    public void textRow(TextInputControl field, F which, String prompt, Node... below) {
        prepare(field, which, prompt);
        watch(field, which);
        row(label(text.apply(which), field), withError(which, field, below));
    }

    public void prepare(TextInputControl field, F which, String prompt) {
        field.setAccessibleText(text.apply(which));
        field.setPromptText(prompt);
        field.setMaxWidth(Double.MAX_VALUE);
    }

    /** {@code field} next to {@code below}, then the problem of {@code which}. */
    public VBox withError(F which, Node field, Node... below) {
        Label error = errors.computeIfAbsent(which, key -> {
            Label label = new Label();
            label.getStyleClass().add("field-error");
            label.setAccessibleText(text.apply(key) + " error");
            Nodes.wrapFully(label);
            Nodes.hide(label);
            return label;
        });
        // a screen reader reads the field's problem with the field
        if (field instanceof TextInputControl input) {
            input.accessibleHelpProperty().bind(error.textProperty());
        }
        decorations.watch(field, which);
        VBox box = new VBox(3, field);
        box.getChildren().addAll(below);
        box.getChildren().add(error);
        return box;
    }

    /** Typed into: the problem shows when the user leaves the field; set from outside: at once. */
    public void watch(TextInputControl field, F which) {
        field.textProperty().addListener((observable, before, now) -> {
            if (!settingFields) {
                edited.add(which);
                // a paste by drag and drop, a test, a file picker: check at once
                if (!field.isFocused()) {
                    touched.add(which);
                }
            }
            recheck.run();
        });
        field.focusedProperty().addListener((observable, was, is) -> {
            if (!is && edited.contains(which)) {
                touched.add(which);
                recheck.run();
            }
        });
    }

    /** A choice (a combo box, a toggle): its problem shows as soon as it changes. */
    public void watchChoice(ObservableValue<?> choice, F which) {
        choice.addListener((observable, before, now) -> {
            if (!settingFields) {
                touched.add(which);
            }
            recheck.run();
        });
    }

    /** Runs {@code change} without counting the fields it sets as touched by the user. */
    public void setting(Runnable change) {
        boolean outer = settingFields;
        settingFields = true;
        try {
            change.run();
        } finally {
            settingFields = outer;
        }
    }

    public void touchAll() {
        allTouched = true;
    }

    private boolean isTouched(F field) {
        return allTouched || touched.contains(field);
    }

    /** Shows the problems of touched fields; the footer names the fields still needed. */
    public void showProblems(Map<F, String> problems, boolean canSave) {
        valid.set(canSave);
        shown.clear();
        for (Map.Entry<F, Label> entry : errors.entrySet()) {
            String error = problems.get(entry.getKey());
            Label label = entry.getValue();
            if (error != null && isTouched(entry.getKey())) {
                label.setText(error);
                Nodes.show(label);
                shown.put(entry.getKey(), error);
            } else {
                label.setText("");
                Nodes.hide(label);
            }
        }
        String missing = problems.keySet().stream().filter(field -> !isTouched(field))
                .map(text)
                .map(label -> Character.toLowerCase(label.charAt(0)) + label.substring(1))
                .collect(Collectors.joining(", "));
        stillNeeded.setText(missing.isEmpty() ? "" : "Still needed: " + missing + ".");
        decorations.refresh();
        Platform.runLater(this::fitToContent);
    }

    /** Runs {@code work} in the background; success closes the dialog, a failure shows in it. */
    public <T> void save(BackgroundWork work, Callable<T> saving, Consumer<T> onSaved, Runnable onFailed) {
        if (busy.get()) {
            return;
        }
        Nodes.hide(saveError);
        busy.set(true);
        work.run(saving, saved -> {
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

    public static Label label(String text, Node field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    public static Label hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("hint");
        Nodes.wrapFully(hint);
        return hint;
    }

    public static RadioButton radio(String text, ToggleGroup group) {
        RadioButton radio = new RadioButton(text);
        radio.setToggleGroup(group);
        return radio;
    }

    /** A group whose selection cannot be cleared: clicking the chosen one again keeps it. */
    public static void keepSelected(ToggleGroup group, Runnable onChange) {
        group.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now == null) {
                before.setSelected(true);
                return;
            }
            onChange.run();
        });
    }

    private void fitToContent() {
        if (stage.isShowing()) {
            stage.sizeToScene();
        }
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
        save.setOnAction(event -> onSave.run());
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
}
