package dev.subpact.cli;

import dev.subpact.demo.DemoResult;
import dev.subpact.demo.IncidentDemo;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code subpact demo}: the incident replayed end to end on embedded defaults. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Plays the outage of 2026-01-30 end to end on embedded defaults (subpact's broker on SQLite in a temporary folder,"
          + " the reference backend's builds, no Docker, nothing beyond 127.0.0.1): the ten bots captured and published,"
          + " the renamed build stopped by check, verify and can-i-deploy, the aliased build deployed, the client kit moved,"
          + " the stale adspy build caught, the aliases removed once adspy is replaced.",
      "Then serves the broker's dashboard until Ctrl-C (--exit: end after the story). Exit 0 when every step ended as the story says.",
      "About 100 lines, wrapped to the terminal; --verbose tells every capture, can-i-deploy row and fix; --quiet only the verdict."
    })
public final class DemoCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", defaultValue = "0", description = "The broker's port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--exit", description = "End after the story instead of serving the dashboard.")
  boolean exit;

  @Override
  public Integer call() throws Exception {
    Preflight.freePort("127.0.0.1", port, "--port");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (IncidentDemo demo = IncidentDemo.start(port, out, Terminal.layout(spec, true))) {
      DemoResult result = demo.play();
      out.println();
      out.println("Dashboard: " + demo.dashboardUrl());
      if (!exit) {
        out.println("Serving until Ctrl-C.");
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(forever::countDown));
        forever.await();
      }
      return result.ok() ? ExitCodes.OK : ExitCodes.BROKEN;
    }
  }
}
