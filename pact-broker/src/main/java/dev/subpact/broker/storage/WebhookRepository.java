package dev.subpact.broker.storage;

import static dev.subpact.broker.model.Timestamps.now;

import dev.subpact.broker.model.Webhook;
import dev.subpact.broker.model.WebhookExecution;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Webhooks and the log of their executions. */
public final class WebhookRepository {

  public void saveWebhook(Tx tx, Webhook webhook) throws SQLException {
    String events = String.join(",", webhook.events());
    int updated = tx.update("UPDATE webhooks SET description = ?, consumer_name = ?, consumer_label = ?,"
            + " provider_name = ?, provider_label = ?, events = ?, request = ?, enabled = ?, updated_at = ?"
            + " WHERE uuid = ?", webhook.description(), webhook.consumerName(), webhook.consumerLabel(),
        webhook.providerName(), webhook.providerLabel(), events, webhook.request(),
        webhook.enabled() ? 1 : 0, webhook.updatedAt(), webhook.uuid());
    if (updated == 0) {
      tx.update("INSERT INTO webhooks (uuid, description, consumer_name, consumer_label, provider_name,"
              + " provider_label, events, request, enabled, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", webhook.uuid(), webhook.description(),
          webhook.consumerName(), webhook.consumerLabel(), webhook.providerName(),
          webhook.providerLabel(), events, webhook.request(), webhook.enabled() ? 1 : 0,
          webhook.createdAt(), webhook.updatedAt());
    }
  }

  public Optional<Webhook> webhook(Tx tx, String uuid) throws SQLException {
    return tx.one("SELECT uuid, description, consumer_name, consumer_label, provider_name, provider_label,"
        + " events, request, enabled, created_at, updated_at FROM webhooks WHERE uuid = ?",
        Rows::webhook, uuid);
  }

  public List<Webhook> webhooks(Tx tx) throws SQLException {
    return tx.list("SELECT uuid, description, consumer_name, consumer_label, provider_name, provider_label,"
        + " events, request, enabled, created_at, updated_at FROM webhooks ORDER BY created_at, uuid",
        Rows::webhook);
  }

  public boolean deleteWebhook(Tx tx, String uuid) throws SQLException {
    return tx.update("DELETE FROM webhooks WHERE uuid = ?", uuid) == 1;
  }

  public void addExecution(Tx tx, String webhookUuid, String event, boolean success, int attempts,
      String log) throws SQLException {
    tx.update("INSERT INTO webhook_executions (webhook_uuid, event, success, attempts, log, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", webhookUuid, event, success ? 1 : 0, attempts, log, now());
  }

  public List<WebhookExecution> executions(Tx tx, String webhookUuid) throws SQLException {
    return tx.list("SELECT id, webhook_uuid, event, success, attempts, log, created_at"
            + " FROM webhook_executions WHERE webhook_uuid = ? ORDER BY id DESC",
        row -> new WebhookExecution(row.getLong(1), row.getString(2), row.getString(3),
            row.getInt(4) == 1, row.getInt(5), row.getString(6), row.getString(7)), webhookUuid);
  }
}
