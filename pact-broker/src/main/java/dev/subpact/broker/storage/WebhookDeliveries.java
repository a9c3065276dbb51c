package dev.subpact.broker.storage;

import dev.subpact.broker.model.Timestamps;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The webhook delivery queue, shared by every broker replica on one database: a delivery is added
 * in the transaction of the event that causes it, claimed by one replica at a time under a lease
 * ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL, so replicas never wait on each other's claims),
 * rescheduled with its backoff, and finished with an execution record.
 */
public final class WebhookDeliveries {

  /** Waiting for its next attempt. */
  public static final String PENDING = "pending";
  /** The target answered below 300. */
  public static final String SUCCEEDED = "succeeded";
  /** Refused, answered 3xx/4xx, or every attempt failed. */
  public static final String FAILED = "failed";

  /** A claimed delivery: the event (JSON) for one webhook, its attempts so far and their log. */
  public record Delivery(long id, String webhookUuid, String eventName, String event, int attempts, String log) {}

  private final Database.Dialect dialect;

  public WebhookDeliveries(Database.Dialect dialect) {
    this.dialect = dialect;
  }

  public void add(Tx tx, String webhookUuid, String eventName, String event, long dueAtMillis) throws SQLException {
    tx.update("INSERT INTO webhook_deliveries (webhook_uuid, event_name, event, status, attempts, next_attempt_at,"
        + " lease_until, log, created_at) VALUES (?, ?, ?, ?, 0, ?, 0, '', ?)",
        webhookUuid, eventName, event, PENDING, dueAtMillis, Timestamps.now());
  }

  /** The oldest due delivery no replica holds, now held by {@code replica} until {@code leaseUntil}. */
  public Optional<Delivery> claim(Tx tx, String replica, long nowMillis, long leaseUntil) throws SQLException {
    Optional<Delivery> due = tx.one("SELECT id, webhook_uuid, event_name, event, attempts, log FROM webhook_deliveries"
            + " WHERE status = ? AND next_attempt_at <= ? AND lease_until <= ? ORDER BY id LIMIT 1"
            + (dialect == Database.Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : ""),
        row -> new Delivery(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getInt(5),
            row.getString(6)),
        PENDING, nowMillis, nowMillis);
    if (due.isPresent()) {
      tx.update("UPDATE webhook_deliveries SET lease_until = ?, leased_by = ? WHERE id = ?",
          leaseUntil, replica, due.get().id());
    }
    return due;
  }

  /** Another attempt at {@code dueAtMillis}; the lease is given up. */
  public void reschedule(Tx tx, long id, int attempts, String log, long dueAtMillis) throws SQLException {
    tx.update("UPDATE webhook_deliveries SET attempts = ?, log = ?, next_attempt_at = ?, lease_until = 0,"
        + " leased_by = NULL WHERE id = ?", attempts, log, dueAtMillis, id);
  }

  /** Ends the delivery ({@link #SUCCEEDED} or {@link #FAILED}). */
  public void finish(Tx tx, long id, String status, int attempts, String log) throws SQLException {
    tx.update("UPDATE webhook_deliveries SET status = ?, attempts = ?, log = ?, lease_until = 0, leased_by = NULL"
        + " WHERE id = ?", status, attempts, log, id);
  }

  /** Deliveries still waiting, across every replica. */
  public long pending(Tx tx) throws SQLException {
    return tx.one("SELECT COUNT(*) FROM webhook_deliveries WHERE status = ?", row -> row.getLong(1), PENDING)
        .orElse(0L);
  }
}
