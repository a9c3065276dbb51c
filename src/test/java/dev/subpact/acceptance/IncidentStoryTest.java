package dev.subpact.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.demo.DemoResult;
import dev.subpact.demo.IncidentDemo;
import dev.subpact.demo.StepVerdict;
import dev.subpact.graphql.report.TextLayout;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole story of {@code subpact demo}, through real servers on 127.0.0.1: the broker on SQLite,
 * capture servers, the reference backend's builds. One test per verdict the story requires.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentStoryTest {

  private DemoResult result;
  private String printed;

  @BeforeAll
  void playTheStory() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        IncidentDemo demo = IncidentDemo.start(0, out, TextLayout.DEFAULT)) {
      result = demo.play();
    }
    printed = bytes.toString(StandardCharsets.UTF_8);
  }

  @TestFactory
  Stream<DynamicTest> everyStepEndsAsTheStorySays() {
    assertThat(result.verdicts()).hasSizeGreaterThanOrEqualTo(30);
    return result.verdicts().stream()
        .map(v -> DynamicTest.dynamicTest("step " + v.step() + ": " + v.expectation(),
            () -> assertThat(v.held()).as("step %d: %s%n%s", v.step(), v.expectation(), printed).isTrue()));
  }

  @Test
  void theStoryCoversItsFiveSteps() {
    assertThat(result.verdicts().stream().map(StepVerdict::step).distinct()).containsExactly(1, 2, 3, 4, 5);
    assertThat(result.ok()).isTrue();
  }

  @Test
  void theDefaultStoryFitsAScreenfulOfEightyColumns() {
    List<String> lines = printed.lines().toList();
    assertThat(lines).as(printed).hasSizeLessThanOrEqualTo(100);
    assertThat(lines).as("no line wider than 80 columns").allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(80));
  }

  @Test
  void theRenamedBuildIsStoppedNamingEveryBotAndItsBreaksOnceEach() {
    List<String> bots = List.of("admonster", "boss", "bob", "frog", "karen", "lawyerrat", "owl-strategist", "slonik", "rick", "adspy");
    String step2 = LauncherTest.unwrapped(printed.substring(printed.indexOf("Step 2."), printed.indexOf("Step 3.")));
    bots.forEach(bot -> assertThat(step2).containsPattern(bot + " \\d+[,:( ]"));
    assertThat(step2)
        .contains("(10 bots): live replay rejected DeleteEmessages: 1 unknown argument, 1 missing required argument")
        .contains("12 distinct breaks, 5 fixes")
        .contains("Unknown argument 'want_emessage_types' on field 'Subscription.bot_threads_calls_tasks'.")
        .contains("8 fields of FExternalMessageOutput renamed emessage_* → emsg_*: emessage_id, emessage_persona_id,")
        .contains("can-i-deploy flexus-backend staging.2026-01-30T17-43-47Z to staging: NO");
  }

  @Test
  void theStaleAdspyBuildIsNamedAndStaysOutOfStaging() {
    String step4 = LauncherTest.unwrapped(printed.substring(printed.indexOf("Step 4."), printed.indexOf("Step 5.")));
    assertThat(step4)
        .contains("adspy 80016 still sends what adspy's latest contract with flexus-backend on main no longer does")
        .contains("KarenThreads subscription: 10 selections main no longer sends")
        .contains("adspy 80015 stays the deployed adspy");
  }

  @Test
  void theAliasesGoOnlyOnceAdspy80015IsReplaced() {
    String step5 = LauncherTest.unwrapped(printed.substring(printed.indexOf("Step 5.")));
    assertThat(step5.indexOf("adspy 80015 → flexus-backend staging.2026-02-09T10-00-00Z: failed"))
        .isLessThan(step5.indexOf("record-deployment adspy 80017 to staging"));
    assertThat(step5).contains("record-deployment flexus-backend staging.2026-02-09T10-00-00Z to staging");
  }
}
