package dev.subpact.cli;

import dev.subpact.capture.CaptureReport;
import dev.subpact.replay.ReplaySetting;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A setting that library reports name in neutral words ("the run timeout"), and the option that
 * gives it on this command line. The libraries do not know the CLI's flags; the CLI names them in a
 * hint line after a report that mentions such a setting.
 */
record SettingHint(String setting, String option) {

  /** {@code verify}'s options for the replay settings that provider-verification's findings name. */
  static final List<SettingHint> VERIFY = List.of(
      new SettingHint(ReplaySetting.SCHEMA.phrase(), "--schema"),
      new SettingHint(ReplaySetting.BASELINE.phrase(), "--baseline"),
      new SettingHint(ReplaySetting.STATE_URL.phrase(), "--state-url"),
      new SettingHint(ReplaySetting.SETTLE.phrase(), "--settle"),
      new SettingHint(ReplaySetting.INIT_PAYLOAD.phrase(), "--init-payload"),
      new SettingHint(ReplaySetting.HTTP_URL.phrase(), "--http"),
      new SettingHint(ReplaySetting.TIMEOUT.phrase(), "--timeout"),
      new SettingHint(ReplaySetting.LIVE_WINDOW.phrase(), "--live-window"),
      new SettingHint(ReplaySetting.RUN_TIMEOUT.phrase(), "--run-timeout"),
      new SettingHint(ReplaySetting.CONCURRENCY.phrase(), "--concurrency"));

  /** {@code capture}'s options for what its empty-recording report advises. */
  static final List<SettingHint> CAPTURE = List.of(
      new SettingHint(CaptureReport.HOW_LONG, "--until-idle, --duration"));

  /**
   * {@code hint: command-line options for the settings named: the run timeout (--run-timeout), the
   * concurrency (--concurrency).} for the settings of {@code hints} that any of {@code texts} names
   * (case-insensitively), in the order of {@code hints}; empty when none does.
   */
  static Optional<String> line(List<SettingHint> hints, Collection<String> texts) {
    String all = texts.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.joining("\n"));
    List<String> named = hints.stream().filter(h -> all.contains(h.setting().toLowerCase(Locale.ROOT)))
        .map(h -> h.setting() + " (" + h.option() + ")").toList();
    return named.isEmpty() ? Optional.empty()
        : Optional.of("hint: command-line options for the settings named: " + String.join(", ", named) + ".");
  }
}
