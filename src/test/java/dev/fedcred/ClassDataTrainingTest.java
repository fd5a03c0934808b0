package dev.fedcred;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.testing.ChildJvm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's class-data archive is trained on the classes a start of the window loads (the
 * committed list packaging/desktop-class-list makes), not on every class of JavaFX nor on the
 * command line's: a start maps nearly all of its archive, so whatever the archive holds is resident.
 */
class ClassDataTrainingTest {
    @TempDir
    Path work;

    @Test
    void theWindowsTrainingLoadsTheListedClassesAndNothingOfTheCommandLineOrOfJavafxOffTheList() throws Exception {
        List<String> listed = desktopClasses();
        assertThat(listed).contains("dev.fedcred.ui.app.MainWindow", "javafx.scene.control.Button")
                .doesNotContain("javafx.scene.chart.PieChart");

        ChildJvm training = ChildJvm.run(work, Map.of("HOME", work.toString()), List.of(),
                "dev.fedcred.ClassDataTraining", ClassDataTraining.WINDOW);

        assertThat(training.exitCode()).as(training.err()).isZero();
        assertThat(training.loadedClasses()).contains("dev.fedcred.ui.app.MainWindow", "javafx.scene.control.Button")
                .doesNotContain("javafx.scene.chart.PieChart")
                .noneMatch(name -> name.startsWith("software.amazon.") || name.startsWith("dev.fedcred.sandbox.")
                        || name.startsWith("picocli."));
    }

    /**
     * Every class on the list is still there: a class renamed or gone since the list was made fails
     * here, and packaging/desktop-class-list makes the list again.
     */
    @Test
    void everyListedClassExists() throws Exception {
        ClassLoader loader = ClassDataTrainingTest.class.getClassLoader();
        for (String name : desktopClasses()) {
            assertThat(loads(loader, name)).as(name + " (run packaging/desktop-class-list)").isTrue();
        }
    }

    private static boolean loads(ClassLoader loader, String name) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static List<String> desktopClasses() throws IOException {
        try (InputStream list = ClassDataTraining.class.getResourceAsStream(ClassDataTraining.DESKTOP_CLASSES)) {
            assertThat(list).as(ClassDataTraining.DESKTOP_CLASSES).isNotNull();
            return new String(list.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }
}
