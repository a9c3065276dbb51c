-- Webhook deliveries as a durable queue shared by every broker replica: a delivery is written in the
-- same transaction as the event that causes it, claimed by one replica at a time (a lease, and
-- FOR UPDATE SKIP LOCKED on PostgreSQL), and retried with its backoff persisted here.
CREATE TABLE webhook_deliveries (
  id ${id},
  webhook_uuid TEXT NOT NULL,
  event_name TEXT NOT NULL,
  event TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT NOT NULL,
  leased_by TEXT,
  log TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
