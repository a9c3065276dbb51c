package dev.subpact.cli;

import dev.subpact.capture.CaptureListener;
import dev.subpact.capture.CaptureReport;
import dev.subpact.capture.CaptureServer;
import dev.subpact.capture.CaptureSettings;
import dev.subpact.capture.CapturedOperation;
import dev.subpact.capture.ScriptedResponses;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.schema.SchemaLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code subpact capture}: a recording stand-in backend for bot CI. */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    description = {
      "Stands in for the backend while a built bot runs: serves GraphQL on any path over WebSocket "
          + "(graphql-transport-ws and subscriptions-transport-ws, wire name graphql-ws) and HTTP POST, records every operation exactly as sent "
          + "with its path, counts and names every request that is not GraphQL, "
          + "and on exit (--until-idle, --duration or SIGTERM) writes the bot's pact.",
      "With --schema, checks each operation as it arrives and reports breaks at once; the capture then exits 1.",
      "A capture that recorded no operation writes no pact and exits 2, saying what it saw and what to do.",
      "Exit codes: 0 recorded, 1 a recorded operation breaks against --schema (or is not GraphQL), "
          + "2 bad input or nothing recorded."
    })
public final class CaptureCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--listen", defaultValue = "127.0.0.1:0", description = "HOST:PORT to listen on (port 0: any free port; the bound address is printed). Default: ${DEFAULT-VALUE}.")
  String listen;

  @Option(names = "--consumer", required = true, description = "The bot's name (the pact's consumer).")
  String consumer;

  @Option(names = "--consumer-version", required = true, description = "The bot build being captured (git sha, image tag).")
  String consumerVersion;

  @Option(names = "--provider", defaultValue = CaptureSettings.DEFAULT_PROVIDER, description = "The backend's name (the pact's provider). Default: ${DEFAULT-VALUE}.")
  String provider;

  @Option(names = "--path", defaultValue = "/v1/graphql", description = "The path in the printed URLs; GraphQL is recorded on any path, each operation with the path it came on. Default: ${DEFAULT-VALUE}.")
  String path;

  @Option(names = "--schema", description = "The backend's deployed schema (SDL file, introspection JSON or URL): answers get example data of the right types, and each operation is checked as it arrives.")
  String schema;

  @Option(names = "--responses", description = "A JSON file of scripted answers by operation name: {\"KarenThreads\": [{\"data\": {...}}]}.")
  Path responses;

  @Option(names = "--out", required = true, description = "The directory the pact is written to.")
  Path out;

  @Option(names = "--until-idle", converter = DurationConverter.class, description = "Stop once nothing has arrived for this long (counted from the start until something arrives), e.g. 10s.")
  Duration untilIdle;

  @Option(names = "--duration", converter = DurationConverter.class, description = "Stop after this long, e.g. 2m.")
  Duration duration;

  @Option(names = "--init-timeout", converter = DurationConverter.class, defaultValue = "1m", description = "How long a graphql-transport-ws client may take to send connection_init (then 4408, as Strawberry). Default: ${DEFAULT-VALUE}.")
  Duration initTimeout;

  @Option(names = "--keep-alive", converter = DurationConverter.class, defaultValue = "1s", description = "How often a subscriptions-transport-ws (graphql-ws) client gets a keep-alive (ka), the first right after connection_ack, as Strawberry sends them (keep_alive_interval); 0s: none. Default: ${DEFAULT-VALUE}.")
  Duration keepAlive;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    int colon = listen.lastIndexOf(':');
    if (colon <= 0) {
      throw new UserInputException("--listen '" + listen + "' is not HOST:PORT, e.g. 127.0.0.1:4000 (port 0 picks a free one).");
    }
    int port;
    try {
      port = Integer.parseInt(listen.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new UserInputException("--listen '" + listen + "' has no port number, e.g. 127.0.0.1:4000.");
    }
    Preflight.freePort(listen.substring(0, colon), port, "--listen");
    Preflight.writableFolder(out, "--out");
    ScriptedResponses scripted;
    try {
      scripted = responses == null ? null : ScriptedResponses.read(responses);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    CaptureSettings settings = new CaptureSettings(consumer, consumerVersion, provider, path,
        schema == null ? null : SchemaLoader.load(schema), scripted, initTimeout, keepAlive);
    CaptureListener listener = new CaptureListener() {
      @Override
      public void received(CapturedOperation operation, List<Finding> findings) {
        if (!findings.isEmpty()) {
          stderr.print("subpact capture: " + CaptureReport.breakReport(settings, operation, findings));
          stderr.flush();
        }
      }

      @Override
      public void problem(String message) {
        stderr.println("subpact capture: " + message);
        stderr.flush();
      }
    };

    CaptureServer capture;
    try {
      capture = CaptureServer.start(listen.substring(0, colon), port, settings, listener);
    } catch (IOException e) {
      throw new UserInputException(e.getMessage() + " (given with --listen)", e);
    }
    CountDownLatch written = new CountDownLatch(1);
    AtomicInteger exitCode = new AtomicInteger(-1);
    // On SIGTERM: stop serving, wait for the pact to be written, then exit with the capture's own
    // code (0, 1 on breaks, 2 when nothing was recorded) rather than the JVM's 143, so a pipeline can tell the two apart.
    Thread onSigterm = new Thread(() -> {
      capture.close();
      try {
        if (written.await(30, TimeUnit.SECONDS) && exitCode.get() >= 0) {
          Runtime.getRuntime().halt(exitCode.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "subpact-capture-sigterm");
    Runtime.getRuntime().addShutdownHook(onSigterm);
    stdout.println("subpact capture: listening on " + capture.httpUrl() + " and " + capture.webSocketUrl());
    stdout.flush();
    try {
      capture.await(duration, untilIdle);
      capture.close();
      if (CaptureReport.empty(capture.recording())) {
        String report = CaptureReport.nothingRecorded(capture.recording());
        stderr.print(report);
        SettingHint.line(SettingHint.CAPTURE, List.of(report)).ifPresent(stderr::println);
        stderr.flush();
        exitCode.set(ExitCodes.BAD_INPUT);
        return exitCode.get();
      }
      Path file = capture.writePact(out);
      stdout.print(CaptureReport.summary(capture.recording(), file));
      stdout.flush();
      stderr.flush();
      exitCode.set(CaptureReport.failed(capture.recording()) ? ExitCodes.BROKEN : ExitCodes.OK);
      return exitCode.get();
    } finally {
      written.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(onSigterm);
      } catch (IllegalStateException shuttingDown) {
        // SIGTERM: the hook is running and waits for the pact written above.
      }
    }
  }
}
