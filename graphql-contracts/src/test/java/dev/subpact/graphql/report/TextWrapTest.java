package dev.subpact.graphql.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text wrapped for a terminal: at spaces, indentation kept, long words whole. */
class TextWrapTest {

  @Test
  void aLongLineBreaksAtSpacesWithAHangingIndent() {
    String wrapped = TextWrap.wrap("    Unknown argument 'want_emessage_types' on field 'Subscription.bot_threads_calls_tasks'.", 40, 2);

    assertThat(wrapped).isEqualTo("    Unknown argument\n"
        + "      'want_emessage_types' on field\n"
        + "      'Subscription.bot_threads_calls_tasks'.");
    assertThat(wrapped.lines().limit(2)).as("all but the one word longer than the room").allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
  }

  @Test
  void shortLinesAndTrailingNewlinesAreKept() {
    assertThat(TextWrap.wrap("a b\n  c\n", 40, 2)).isEqualTo("a b\n  c\n");
  }

  @Test
  void aWordLongerThanTheRoomStaysWholeOnALineOfItsOwn() {
    String path = "target/check-fixtures/incident-pacts/admonster-flexus-backend.json:70";

    assertThat(TextWrap.wrap("  FAIL  KarenThreads  " + path, 40, 2)).isEqualTo("  FAIL  KarenThreads\n    " + path);
  }

  @Test
  void widthCountsCharactersNotBytes() {
    String arrows = "→ ".repeat(19) + "→";

    assertThat(TextWrap.wrap(arrows, 39, 0)).isEqualTo(arrows);
  }
}
