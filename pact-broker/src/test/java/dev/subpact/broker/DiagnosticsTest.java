package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a load balancer and Prometheus ask each replica: readiness follows the database, and
 * {@code /metrics} counts requests by route pattern and status, publications and verifications,
 * without credentials even when the broker requires them.
 */
class DiagnosticsTest {

  @Test
  void readinessFollowsTheDatabase() {
    RunningBroker broker = PactBroker.start(BrokerConfig.local(0, Engine.SQLITE.newDatabase())
        .withAuth("ci:secret", null, null, false));
    try {
      Http anonymous = Http.of(broker);
      Http.Response ready = anonymous.get("/diagnostic/status/dependencies");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().path("database").path("ok").asBoolean()).isTrue();
      assertThat(anonymous.get("/diagnostic/status/heartbeat").status()).isEqualTo(200);
      assertThat(anonymous.get("/pacticipants").status()).as("everything else still needs credentials").isEqualTo(401);

      broker.database().close();
      Http.Response down = anonymous.get("/diagnostic/status/dependencies");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().path("database").path("ok").asBoolean()).isFalse();
      assertThat(anonymous.get("/diagnostic/status/heartbeat").status()).as("liveness is the process, not the database").isEqualTo(200);
    } finally {
      broker.close();
    }
  }

  @Test
  void metricsCountRequestsByRoutePatternPublicationsAndVerifications() {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, Engine.SQLITE.newDatabase()))) {
      Http http = Http.of(broker);
      assertThat(http.send("PUT", "/pacts/provider/backend/consumer/karen/version/1.0.0",
          Http.pact("karen", "backend", "uses 1.0.0")).status()).isEqualTo(201);
      assertThat(http.get("/pacticipants/nobody").status()).isEqualTo(404);

      Http.Response metrics = http.get("/metrics");
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("subpact_broker_publications_total 1.0")
          .contains("subpact_broker_webhook_queue_depth 0.0")
          .contains("subpact_broker_http_requests_seconds_count{method=\"PUT\","
              + "route=\"/pacts/provider/{provider}/consumer/{consumer}/version/{version}\",status=\"201\"} 1")
          .contains("route=\"/pacticipants/{p}\",status=\"404\"")
          .contains("subpact_broker_http_requests_seconds_bucket{method=\"PUT\",route=\"/pacts/provider/{provider}/consumer/{consumer}/version/{version}\",status=\"201\",le=\"0.05\"}")
          .doesNotContain("karen");
    }
  }
}
