package dev.fedcred.ui.fx;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * ControlsFX's error mark on the corner of each field whose problem shows, with the problem as its
 * tooltip: the eye finds the wrong field without reading the form. The problem's text under the
 * field stays; it is what a screen reader and the tests read, so the mark adds to it. The form
 * decides what shows (after the user left the field, see {@link FormDialog}); the validators only
 * read that decision, so the marks and the texts never disagree.
 *
 * <p>Only {@link FormDialog} uses this, and only once a dialog opens: ControlsFX is not loaded for
 * the window's first frame.
 *
 * @param <F> the dialog's fields
 */
public final class FieldDecorations<F> {
    /** The style class of a mark; its accessible text is "FIELD: PROBLEM". */
    public static final String STYLE_CLASS = "field-decoration";

    private final ValidationSupport support = new ValidationSupport();
    private final Function<F, String> shownProblem;

    /** @param shownProblem the problem showing under a field, or null */
    FieldDecorations(Function<F, String> shownProblem) {
        this.shownProblem = shownProblem;
        support.setValidationDecorator(new AccessibleMark());
    }

    /** Marks {@code field} while {@code which} shows a problem; a field ControlsFX cannot read (a box of radio buttons) keeps its text alone. */
    void watch(Node field, F which) {
        if (field instanceof Control control) {
            support.registerValidator(control, false, (Control checked, Object value) -> {
                String problem = shownProblem.apply(which);
                return problem == null ? new ValidationResult() : ValidationResult.fromError(checked, problem);
            });
        }
    }

    /** Call after the shown problems changed, for fields other than the one typed into too. */
    void refresh() {
        support.revalidate();
    }

    /** ControlsFX's mark is a label without text: give it the field and its problem, so it is not an empty control to a screen reader. */
    private static final class AccessibleMark extends GraphicValidationDecoration {
        @Override
        protected Node createDecorationNode(ValidationMessage message) {
            Node mark = super.createDecorationNode(message);
            String field = message.getTarget().getAccessibleText();
            mark.setAccessibleText(field == null ? message.getText() : field + ": " + message.getText());
            mark.getStyleClass().add(STYLE_CLASS);
            return mark;
        }
    }
}
