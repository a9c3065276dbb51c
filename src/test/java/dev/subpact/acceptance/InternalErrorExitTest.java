package dev.subpact.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash is not a broken contract: the shipped jar, whose demo cannot create its working folder
 * (the JVM's temporary folder does not exist), exits 3 with one line saying it is an internal
 * error, and, since no file can hold the stack trace there either, prints it after that line.
 */
class InternalErrorExitTest {

  @TempDir Path dir;

  @Test
  void anUnexpectedFailureExits3NotOne() throws Exception {
    Path missing = dir.resolve("no-such-folder");
    LauncherTest.Run run = LauncherTest.subpact(Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + missing), "demo", "--exit");

    assertThat(run.exit()).as(run.output()).isEqualTo(3);
    assertThat(run.output())
        .contains("subpact demo: internal error (a bug in subpact or its environment, not a broken contract): "
            + "java.nio.file.NoSuchFileException: " + missing)
        .contains("The stack trace could not be written to a file")
        .contains("\tat dev.subpact.demo.IncidentDemo.start");
  }
}
