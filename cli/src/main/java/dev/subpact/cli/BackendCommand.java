package dev.subpact.cli;

import dev.subpact.graphql.SubpactException;
import dev.subpact.reference.BackendOptions;
import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code subpact backend}: runs the reference backend until Ctrl-C. Options and printing only. */
@Command(
    name = "backend",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the reference backend: one of the incident's builds, served like Strawberry over WebSocket",
      "(graphql-transport-ws and subscriptions-transport-ws, wire name graphql-ws) and HTTP, with a provider-state endpoint. Stops on Ctrl-C."
    })
public final class BackendCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--build", required = true, paramLabel = "before-rename|renamed|aliased",
      description = "The backend build to serve.")
  String build;

  @Option(names = "--port", defaultValue = "8000", paramLabel = "N", description = "The port (default: ${DEFAULT-VALUE}; 0: any free port).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST", description = "The address to listen on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--api-key", paramLabel = "KEY",
      description = {"Require the key: connection_init {\"apikey\": KEY} (as the bots send it; \"apiKey\" accepted too)",
          "and the header 'Authorization: Bearer KEY' on HTTP (default: no key)."})
  String apiKey;

  @Option(names = "--keep-alive", converter = DurationConverter.class, paramLabel = "D",
      description = "The legacy protocol's ka: one right after connection_ack, then every D; 0s sends none (default: 1s, as Strawberry).")
  Duration keepAlive;

  @Option(names = "--duration", converter = DurationConverter.class, paramLabel = "D",
      description = "Stop after D (default: run until Ctrl-C).")
  Duration duration;

  @Override
  public Integer call() throws InterruptedException {
    Build served;
    try {
      served = Build.named(build);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    ReferenceBackend backend;
    try {
      BackendOptions options = BackendOptions.DEFAULTS.withApiKey(apiKey);
      backend = ReferenceBackend.start(served, host, port, keepAlive == null ? options : options.withKeepAlive(keepAlive));
    } catch (SubpactException e) {
      throw new UserInputException(e.getMessage() + " (given with --host/--port)", e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      backend.close();
      stopped.countDown();
    }, "subpact-backend-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Reference backend, build " + served.name() + ":");
    out.println("  WebSocket  " + backend.websocketUrl() + "  (graphql-transport-ws, graphql-ws)");
    out.println("  HTTP       " + backend.httpUrl());
    out.println("  states     " + backend.stateUrl());
    out.println(duration == null ? "Press Ctrl-C to stop." : "Stopping after " + DurationConverter.format(duration) + ".");
    out.flush();
    if (duration == null) {
      stopped.await();
    } else if (!stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
      Runtime.getRuntime().removeShutdownHook(hook);
      backend.close();
    }
    return ExitCodes.OK;
  }
}
