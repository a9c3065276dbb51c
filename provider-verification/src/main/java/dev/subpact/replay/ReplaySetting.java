package dev.subpact.replay;

/**
 * The replay settings that verdicts and warnings name, in neutral words: the phrase is written
 * here once, so a front end that knows how its users give a setting (the CLI's options) can find
 * the phrase in a report and say which option sets it.
 */
public enum ReplaySetting {
  SCHEMA("the build's exported schema"),
  BASELINE("the baseline schema"),
  STATE_URL("the provider-state URL"),
  SETTLE("the settle time"),
  INIT_PAYLOAD("the connection_init payload"),
  HTTP_URL("the backend's HTTP URL"),
  TIMEOUT("the interaction's timeout"),
  LIVE_WINDOW("the live window"),
  RUN_TIMEOUT("the run timeout"),
  CONCURRENCY("the concurrency");

  private final String phrase;

  ReplaySetting(String phrase) {
    this.phrase = phrase;
  }

  /** How messages name the setting, e.g. {@code the run timeout}. */
  public String phrase() {
    return phrase;
  }

  @Override
  public String toString() {
    return phrase;
  }
}
