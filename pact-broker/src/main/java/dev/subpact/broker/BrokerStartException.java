package dev.subpact.broker;

import dev.subpact.graphql.SubpactException;

/** The broker could not start; the message says why and what to change, and {@link #setting()} which setting was at fault. */
public final class BrokerStartException extends SubpactException {

  /** The broker settings a start can fail on, for a front end to name the option that gives it. */
  public enum Setting {
    /** The webhook host allow-list. */
    WEBHOOK_HOSTS,
    /** The database URL or file. */
    DATABASE,
    /** The address and port to serve on. */
    ADDRESS
  }

  private final Setting setting;

  public BrokerStartException(Setting setting, String message, Throwable cause) {
    super(message, cause);
    this.setting = setting;
  }

  /** The setting at fault. */
  public Setting setting() {
    return setting;
  }
}
