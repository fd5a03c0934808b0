package dev.fedcred.ui.setup;

import dev.fedcred.ui.fx.CopyButton;
import dev.fedcred.ui.fx.Nodes;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Draws a {@link SetupPage}: a tab per format, in each the documents with their title, notes, the
 * text (read-only, selectable) and a Copy button; under the tabs, how to check a present policy.
 * Used by the row's "Set up in the cloud" dialog and by the first-run path alike.
 */
public final class SetupPane extends VBox {

    public SetupPane(SetupPage page) {
        super(10);
        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (SetupPage.Tab tab : page.tabs()) {
            tabs.getTabs().add(tab(tab));
        }
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().add(tabs);
        if (page.checkHint() != null) {
            Label hint = new Label(page.checkHint());
            hint.getStyleClass().add("hint");
            hint.setAccessibleText("How to check a present policy");
            Nodes.wrapFully(hint);
            getChildren().add(hint);
        }
    }

    private static Tab tab(SetupPage.Tab tab) {
        VBox sections = new VBox(14);
        for (SetupPage.Section section : tab.sections()) {
            sections.getChildren().add(section(section));
        }
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        Tab shown = new Tab(tab.name(), scroll);
        shown.setClosable(false);
        return shown;
    }

    private static VBox section(SetupPage.Section section) {
        Label title = new Label(section.title() + (section.fileName() == null ? "" : " (save as " + section.fileName() + ")"));
        title.getStyleClass().add("setup-section-title");
        Nodes.wrapFully(title);
        Button copy = CopyButton.of("Copy " + section.title(), section::text);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, copy);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, head);
        for (String note : section.notes()) {
            Label shown = new Label(note);
            shown.getStyleClass().add("hint");
            Nodes.wrapFully(shown);
            box.getChildren().add(shown);
        }
        TextArea text = new TextArea(section.text());
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("setup-document");
        text.setAccessibleText(section.title());
        text.setPrefRowCount((int) Math.min(18, Math.max(3, section.text().lines().count() + 1)));
        box.getChildren().add(text);
        box.getStyleClass().add("finding");
        return box;
    }
}
