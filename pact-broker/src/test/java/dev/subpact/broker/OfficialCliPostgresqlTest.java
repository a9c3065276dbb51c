package dev.subpact.broker;

/** The official Rust pact-broker CLI against the broker on Postgresql. */
class OfficialCliPostgresqlTest extends OfficialCliScenarios {
  @Override
  Engine engine() {
    return Engine.POSTGRESQL;
  }
}
