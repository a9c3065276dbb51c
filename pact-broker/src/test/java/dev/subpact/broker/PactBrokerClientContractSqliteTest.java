package dev.subpact.broker;

import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/** The official client's contract, verified against the broker on Sqlite. */
@Provider("Pact Broker")
@Consumer("Pact Broker Client V2")
@PactFolder("target/compat-java-regex")
class PactBrokerClientContractSqliteTest extends PactBrokerClientContract {
  @Override
  Engine engine() {
    return Engine.SQLITE;
  }
}
