package dev.subpact.cli;

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
      new SettingHint("the build's exported schema", "--schema"),
      new SettingHint("the provider-state URL", "--state-url"),
      new SettingHint("the settle time", "--settle"),
      new SettingHint("the connection_init payload", "--init-payload"),
      new SettingHint("the backend's HTTP URL", "--http"),
      new SettingHint("the interaction's timeout", "--timeout"),
      new SettingHint("the live window", "--live-window"),
      new SettingHint("the run timeout", "--run-timeout"),
      new SettingHint("the concurrency", "--concurrency"));

  /** {@code capture}'s options for what its empty-recording report advises. */
  static final List<SettingHint> CAPTURE = List.of(
      new SettingHint("the capture's idle time and duration", "--until-idle, --duration"));

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
