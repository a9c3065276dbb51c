package dev.subpact.broker;

/** The official Rust pact-broker CLI against the broker on Sqlite. */
class OfficialCliSqliteTest extends OfficialCliScenarios {
  @Override
  Engine engine() {
    return Engine.SQLITE;
  }
}
