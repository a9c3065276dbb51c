package dev.subpact.capture;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** What every connection of one capture shares: settings, intake, a timer and the last-activity clock. */
final class CaptureRuntime {

  private final CaptureSettings settings;
  private final Intake intake;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "subpact-capture-timer");
        t.setDaemon(true);
        return t;
      });
  private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());

  CaptureRuntime(CaptureSettings settings, Intake intake) {
    this.settings = settings;
    this.intake = intake;
  }

  CaptureSettings settings() {
    return settings;
  }

  Intake intake() {
    return intake;
  }

  /** Something arrived from a client. */
  void touch() {
    lastActivity.set(System.nanoTime());
  }

  Duration idleFor() {
    return Duration.ofNanos(System.nanoTime() - lastActivity.get());
  }

  ScheduledFuture<?> schedule(Duration delay, Runnable task) {
    return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  void shutdown() {
    timer.shutdownNow();
  }
}
