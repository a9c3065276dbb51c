package dev.subpact.broker;

/** Webhook delivery with the broker on Postgresql. */
class WebhookDeliveryPostgresqlTest extends WebhookDeliveryScenarios {
  @Override
  Engine engine() {
    return Engine.POSTGRESQL;
  }
}
