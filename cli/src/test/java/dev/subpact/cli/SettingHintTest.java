package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.replay.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI's options for the settings the replay's findings name in neutral words. */
class SettingHintTest {

  @Test
  void theSettingsAFindingNamesGetTheirOptionsInTheListsOrder() {
    String noAck = new Outcome.NoAck("nothing within 10000 ms").errors().get(0).message();

    assertThat(SettingHint.line(SettingHint.VERIFY, List.of("raise the run timeout, or the concurrency", noAck))).contains(
        "hint: command-line options for the settings named: the connection_init payload (--init-payload), the run timeout"
            + " (--run-timeout), the concurrency (--concurrency).");
  }

  @Test
  void noSettingNamedNoHint() {
    assertThat(SettingHint.line(SettingHint.VERIFY, List.of("Cannot query field 'emessage_id' on type 'FExternalMessageOutput'.")))
        .isEmpty();
  }
}
