package dev.subpact.broker;

import dev.subpact.broker.storage.Database;
import dev.subpact.broker.webhook.WebhookDispatcher;
import io.javalin.Javalin;

/** A started broker: its URL, and {@link #close()} to stop it and release the database. */
public final class RunningBroker implements AutoCloseable {

  private final Javalin server;
  private final Database database;
  private final WebhookDispatcher webhooks;
  private final String url;

  RunningBroker(Javalin server, Database database, WebhookDispatcher webhooks, String url) {
    this.server = server;
    this.database = database;
    this.webhooks = webhooks;
    this.url = url;
  }

  /** {@code http://HOST:PORT}, without a trailing slash. */
  public String url() {
    return url;
  }

  public int port() {
    return server.port();
  }

  /** The database, for the broker's own test fixtures (same package); never part of the public API. */
  Database database() {
    return database;
  }

  @Override
  public void close() {
    server.stop();
    webhooks.close();
    database.close();
  }
}
