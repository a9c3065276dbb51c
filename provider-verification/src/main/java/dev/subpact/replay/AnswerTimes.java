package dev.subpact.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How slowly this run's backend answers: the slowest {@code connection_init} → {@code
 * connection_ack} and {@code subscribe} → first answer seen so far. Windows that wait for an
 * answer that may not come (the live window before the trigger, the settle window of a
 * subscription that expects no event) grow with it, so a loaded or slow-validating backend is not
 * mistaken for a silent one. Thread-safe.
 */
final class AnswerTimes {

  /** A window is at least this many times the slowest answer seen. */
  static final int FACTOR = 3;

  private final AtomicLong slowestNanos = new AtomicLong();

  /** Records an answer to something sent at {@code sent}, arriving now. */
  void observe(Instant sent) {
    long nanos = Duration.between(sent, Instant.now()).toNanos();
    slowestNanos.accumulateAndGet(nanos, Math::max);
  }

  /**
   * {@code floor}, or {@link #FACTOR} times the slowest answer seen if that is longer, but not over
   * {@code cap} (unless the floor is): one very slow answer must not eat the interaction's timeout.
   */
  Duration window(Duration floor, Duration cap) {
    Duration adaptive = Duration.ofNanos(slowestNanos.get()).multipliedBy(FACTOR);
    if (adaptive.compareTo(cap) > 0) {
      adaptive = cap;
    }
    return adaptive.compareTo(floor) > 0 ? adaptive : floor;
  }
}
