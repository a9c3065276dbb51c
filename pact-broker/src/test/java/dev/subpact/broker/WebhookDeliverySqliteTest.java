package dev.subpact.broker;

/** Webhook delivery with the broker on Sqlite. */
class WebhookDeliverySqliteTest extends WebhookDeliveryScenarios {
  @Override
  Engine engine() {
    return Engine.SQLITE;
  }
}
