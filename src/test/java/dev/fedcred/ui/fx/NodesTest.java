package dev.fedcred.ui.fx;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The helpers that spare JavaFX a restyle: they change a node's classes or a pane's children only when they differ. */
class NodesTest {
    private static final List<String> LOOKS = List.of("signed-in", "ending-soon", "expired");

    @Test
    void aStatusShownAgainWithTheSameLookKeepsItsClasses() {
        Region status = new Region();
        status.getStyleClass().add("status");
        Nodes.styleAs(status, "signed-in", LOOKS);
        AtomicInteger changes = countChanges(status.getStyleClass());

        Nodes.styleAs(status, "signed-in", LOOKS);
        Nodes.styleAs(status, "signed-in", LOOKS);

        assertThat(changes).as("changes of the classes, which restyle the node").hasValue(0);
        assertThat(status.getStyleClass()).containsExactly("status", "signed-in");
    }

    @Test
    void aNewLookReplacesTheOldOneAndNoneTakesItAway() {
        Region status = new Region();
        status.getStyleClass().addAll("status", "signed-in");

        Nodes.styleAs(status, "ending-soon", LOOKS);
        assertThat(status.getStyleClass()).containsExactly("status", "ending-soon");

        Nodes.styleAs(status, null, LOOKS);
        assertThat(status.getStyleClass()).containsExactly("status");
    }

    @Test
    void theChildrenShownAlreadyAreLeftInPlace() {
        VBox pane = new VBox();
        Region first = new Region();
        Region second = new Region();
        Nodes.showChildren(pane, List.of(first, second));
        AtomicInteger changes = countChanges(pane.getChildren());

        Nodes.showChildren(pane, List.of(first, second));
        assertThat(changes).hasValue(0);

        Nodes.showChildren(pane, List.of(second, first));
        assertThat(changes).hasValue(1);
        assertThat(pane.getChildren()).containsExactly(second, first);
    }

    private static <T> AtomicInteger countChanges(ObservableList<T> list) {
        AtomicInteger changes = new AtomicInteger();
        list.addListener((ListChangeListener<T>) change -> changes.incrementAndGet());
        return changes;
    }
}
