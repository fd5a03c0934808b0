package dev.fedcred.cli;

import dev.fedcred.core.launch.Launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.FedcredException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How fedcred names itself: to people in hints, and to programs (credential_process) in full. */
class LauncherTest {
    @Test
    void theInstalledCommandIsNamedAsFedcredToPeopleAndByItsPathToPrograms() {
        Launcher installed = new Launcher("/usr/bin/fedcred", Path.of("/opt/fedcred/lib/app/fedcred.jar"),
                "/opt/fedcred/lib/runtime/bin/java");
        assertThat(installed.forPeople()).isEqualTo("fedcred");
        assertThat(installed.forPrograms("credential-process", "prod")).isEqualTo("/usr/bin/fedcred credential-process prod");
    }

    @Test
    void theJarIsNamedAsTheJavaCommandThatRunsIt() {
        Launcher jar = new Launcher(null, Path.of("/home/me/fedcred/target/fedcred.jar"), "/usr/lib/jvm/java-17/bin/java");
        assertThat(jar.forPeople()).isEqualTo("java -jar /home/me/fedcred/target/fedcred.jar");
        assertThat(jar.forPrograms("credential-process", "prod"))
                .isEqualTo("/usr/lib/jvm/java-17/bin/java -jar /home/me/fedcred/target/fedcred.jar credential-process prod");
    }

    @Test
    void wordsWithSpacesOrQuotesAreQuotedForAShell() {
        Launcher jar = new Launcher("", Path.of("/home/me/my tools/fedcred.jar"), "java");
        assertThat(jar.forPeople()).isEqualTo("java -jar '/home/me/my tools/fedcred.jar'");
        assertThat(jar.forPrograms("credential-process", "it's")).endsWith("credential-process 'it'\\''s'");
    }

    @Test
    void classesOutsideAJarAreNamedFedcred() {
        Launcher classes = new Launcher(null, null, "/usr/bin/java");
        assertThat(classes.forPeople()).isEqualTo("fedcred");
        assertThat(classes.forPrograms("env", "x")).isEqualTo("fedcred env x");
    }

    @Test
    void anAdcFilesCommandIsSplitAtSpacesSoAWordWithASpaceIsRefused() {
        Launcher installed = new Launcher("/usr/bin/fedcred", null, "/opt/fedcred/lib/runtime/bin/java");
        assertThat(installed.forGoogleExecutable("gcp", "subject-token", "prod"))
                .isEqualTo("/usr/bin/fedcred gcp subject-token prod");
        Launcher jar = new Launcher(null, Path.of("/home/me/fedcred.jar"), "/usr/lib/jvm/java-17/bin/java");
        assertThat(jar.forGoogleExecutable("gcp", "subject-token", "prod"))
                .isEqualTo("/usr/lib/jvm/java-17/bin/java -jar /home/me/fedcred.jar gcp subject-token prod");
        Launcher classes = new Launcher(null, null, "/usr/bin/java");
        assertThat(classes.forGoogleExecutable("gcp", "subject-token", "prod"))
                .as("from `mvn` or an IDE: this JVM and its class path").startsWith("/usr/bin/java -cp ")
                .endsWith(" dev.fedcred.Main gcp subject-token prod");

        Launcher spaced = new Launcher(null, Path.of("/home/me/my tools/fedcred.jar"), "java");
        assertThatThrownBy(() -> spaced.forGoogleExecutable("gcp", "subject-token", "prod"))
                .isInstanceOf(FedcredException.class).hasMessageContaining("split an ADC file's command at spaces")
                .hasMessageContaining("'/home/me/my tools/fedcred.jar'").hasMessageContaining("adc_source=file");
    }
}
