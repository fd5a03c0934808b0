package dev.fedcred.ui.targets;

import dev.fedcred.core.doctor.DoctorReport;
import dev.fedcred.core.targets.Finding;
import dev.fedcred.ui.fx.CopyButton;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.ReadingDialog;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * What a row's Check found (`fedcred doctor TARGET`), in a small dialog: each finding with its
 * severity, what is wrong and its fix, a command with a copy button. All text was neutralised
 * by core; a fix command is no secret, so it may go to the clipboard.
 */
final class CheckDialog {
    static final String TITLE = "Check";

    private CheckDialog() {
    }

    static Stage open(Window owner, String targetName, DoctorReport report) {
        VBox findings = new VBox(12);
        for (DoctorReport.Entry entry : report.entries()) {
            findings.getChildren().add(finding(entry));
        }
        Label summary = new Label(report.healthy() ? "Nothing to fix: " + targetName + " is set up as fedcred can tell."
                : count(report, Finding.Severity.ERROR, "error") + ", " + count(report, Finding.Severity.WARNING, "warning")
                + " for " + targetName + ". Each says how to fix it.");
        summary.getStyleClass().add(report.healthy() ? "notice" : "error-text");
        Nodes.wrapFully(summary);
        ScrollPane scroll = new ScrollPane(findings);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(420, 40 + 90.0 * report.entries().size()));
        return ReadingDialog.open(owner, TITLE + " \u2014 " + targetName, "check-dialog",
                root -> root.setPrefWidth(640), summary, scroll);
    }

    private static String count(DoctorReport report, Finding.Severity severity, String word) {
        long n = report.count(severity);
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static VBox finding(DoctorReport.Entry entry) {
        Finding finding = entry.finding();
        Label severity = new Label(finding.severity().name());
        severity.getStyleClass().addAll("finding-severity", "finding-" + finding.severity().name().toLowerCase(Locale.ROOT));
        severity.setMinWidth(Region.USE_PREF_SIZE);
        Label about = new Label(entry.about());
        about.getStyleClass().add("target-detail");
        HBox head = new HBox(8, severity, about);
        head.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label(finding.problem());
        Nodes.wrapFully(problem);
        VBox box = new VBox(4, head, problem);
        box.getStyleClass().add("finding");
        if (finding.fix().isEmpty()) {
            return box;
        }
        if (finding.command()) {
            TextField command = new TextField(finding.fix());
            command.setEditable(false);
            command.setAccessibleText("Command that fixes it");
            command.getStyleClass().add("fix-command");
            HBox.setHgrow(command, Priority.ALWAYS);
            Button copy = CopyButton.of("Copy the command: " + finding.fix(), finding::fix);
            HBox line = new HBox(8, new Label("Fix:"), command, copy);
            line.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(line);
        } else {
            Label fix = new Label("Fix: " + finding.fix());
            fix.getStyleClass().add("hint");
            Nodes.wrapFully(fix);
            box.getChildren().add(fix);
        }
        return box;
    }
}
