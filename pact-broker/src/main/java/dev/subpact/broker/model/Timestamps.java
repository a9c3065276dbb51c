package dev.subpact.broker.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The broker's timestamps: ISO-8601 instants in UTC, to the millisecond. */
public final class Timestamps {

  private Timestamps() {}

  public static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
