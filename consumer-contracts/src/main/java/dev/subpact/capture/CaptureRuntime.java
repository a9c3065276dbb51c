package dev.subpact.capture;

import dev.subpact.graphql.websocket.ServerSession;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** What every connection of one capture shares: settings, intake, traffic counts, a timer and the last-activity clock. */
final class CaptureRuntime {

  private final CaptureSettings settings;
  private final Intake intake;
  private final Traffic traffic;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "subpact-capture-timer");
        t.setDaemon(true);
        return t;
      });
  private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());

  CaptureRuntime(CaptureSettings settings, Intake intake, Traffic traffic) {
    this.settings = settings;
    this.intake = intake;
    this.traffic = traffic;
  }

  CaptureSettings settings() {
    return settings;
  }

  Intake intake() {
    return intake;
  }

  Traffic traffic() {
    return traffic;
  }

  /** Something arrived from a client. */
  void touch() {
    lastActivity.set(System.nanoTime());
  }

  Duration idleFor() {
    return Duration.ofNanos(System.nanoTime() - lastActivity.get());
  }

  ServerSession.Timer timer() {
    return ServerSession.Timer.of(timer);
  }

  void shutdown() {
    timer.shutdownNow();
  }
}
