package dev.subpact.broker;

import dev.subpact.broker.api.ApiContext;
import dev.subpact.broker.api.HttpApi;
import dev.subpact.broker.contract.Contracts;
import dev.subpact.broker.dashboard.Dashboard;
import dev.subpact.broker.data.BrokerData;
import dev.subpact.broker.graphql.GraphqlAwareness;
import dev.subpact.broker.matrix.Matrix;
import dev.subpact.broker.metrics.BrokerMetrics;
import dev.subpact.broker.storage.Database;
import dev.subpact.broker.storage.Repositories;
import dev.subpact.broker.storage.StorageException;
import dev.subpact.broker.verification.PactsForVerification;
import dev.subpact.broker.webhook.AllowList;
import dev.subpact.broker.webhook.WebhookDispatcher;
import io.javalin.Javalin;

/** Starts subpact's Pact-Broker-compatible broker. */
public final class PactBroker {

  private PactBroker() {}

  /** Opens (and migrates) the database and serves the API; close the result to stop. */
  public static RunningBroker start(BrokerConfig config) {
    AllowList allowList;
    try {
      allowList = new AllowList(config.webhookHosts(), config.webhookSchemes());
    } catch (IllegalArgumentException e) {
      throw new BrokerStartException(BrokerStartException.Setting.WEBHOOK_HOSTS, e.getMessage(), e);
    }
    Database database;
    try {
      database = Database.open(config.database());
    } catch (StorageException e) {
      throw new BrokerStartException(BrokerStartException.Setting.DATABASE, e.getMessage(), e);
    }
    Repositories storage = Repositories.create();
    WebhookDispatcher webhooks = new WebhookDispatcher(database, storage, allowList, config.webhookAttempts(),
        config.webhookBackoff());
    BrokerMetrics metrics = new BrokerMetrics(webhooks);
    Contracts contracts = new Contracts(database, storage, webhooks, metrics, config.allowContractModification());
    GraphqlAwareness graphql = new GraphqlAwareness(database, storage, contracts, webhooks);
    BrokerData data = new BrokerData(database, storage, new Matrix(storage), new PactsForVerification(storage));
    ApiContext api = new ApiContext(config, data, contracts, webhooks, graphql, new Dashboard(data, graphql));
    Javalin server;
    try {
      server = HttpApi.create(api, metrics).start(config.host(), config.port());
    } catch (RuntimeException e) {
      webhooks.close();
      database.close();
      throw new BrokerStartException(BrokerStartException.Setting.ADDRESS, "Cannot serve the broker on " + config.host() + ":" + config.port()
          + ": " + e.getMessage() + ". Choose another port or stop what is using it.", e);
    }
    String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
    return new RunningBroker(server, database, webhooks, "http://" + host + ":" + server.port());
  }
}
