package dev.subpact.broker;

import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.filter.InteractionFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFilter;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/**
 * The official Ruby client's older contract (64 interactions), verified against the broker on
 * SQLite, its placeholder links resolved as the official broker's verification resolves them
 * ({@link HalPlaceholders}).
 *
 * <p>Two interactions are left out: {@code GET /pacts/provider/Pricing%20Service/latest} and
 * {@code .../latest/prod} expect no Content-Type, so Pact JVM infers {@code application/json} and
 * rejects the broker's {@code application/hal+json} (the Ruby verifier accepts it). The broker
 * must answer hal+json there: the v2 contract's interactions without an Accept header require it.
 * Their bodies are checked by the v2 contract's identical interactions.
 */
@Provider("Pact Broker")
@Consumer("Pact Broker Client")
@PactFolder("target/compat-java-regex")
@PactFilter(value = "^(?!/pacts/provider/Pricing%20Service/latest).*", filter = InteractionFilter.ByRequestPath.class)
class PactBrokerClientV1ContractTest extends PactBrokerClientContract {
  @Override
  Engine engine() {
    return Engine.SQLITE;
  }
}
