package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A published consumer version's contract does not change, unless the operator allows it (both engines). */
class ContractImmutabilityTest {

  private static String publish(String version, String description, String onConflict) {
    String content = Base64.getEncoder().encodeToString(Http.pact("karen", "backend", description).getBytes(StandardCharsets.UTF_8));
    return """
        {"pacticipantName":"karen","pacticipantVersionNumber":"%s","contracts":[
          {"consumerName":"karen","providerName":"backend","specification":"pact","contentType":"application/json",
           "content":"%s"%s}]}""".formatted(version, content, onConflict == null ? "" : ",\"onConflict\":\"" + onConflict + "\"");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void republishingAVersionWithOtherContentIs409(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Http http = Http.of(broker);
      assertThat(http.send("POST", "/contracts/publish", publish("1", "threads", null)).status()).isEqualTo(200);
      String original = http.get("/pacts/provider/backend/consumer/karen/version/1").json().path("interactions").toString();

      assertThat(http.send("POST", "/contracts/publish", publish("1", "threads", null)).status())
          .as("the same content again").isEqualTo(200);
      Http.Response changed = http.send("POST", "/contracts/publish", publish("1", "calls", null));
      assertThat(changed.status()).as(changed.body()).isEqualTo(409);
      assertThat(changed.body()).contains("Cannot change the pact between karen 1 and backend")
          .contains("new consumer version").contains("contract modification allowed");
      Http.Response put = http.send("PUT", "/pacts/provider/backend/consumer/karen/version/1",
          Http.pact("karen", "backend", "calls"));
      assertThat(put.status()).as(put.body()).isEqualTo(409);
      assertThat(http.get("/pacts/provider/backend/consumer/karen/version/1").json().path("interactions").toString())
          .isEqualTo(original);

      Http.Response merged = http.send("POST", "/contracts/publish", publish("1", "calls", "merge"));
      assertThat(merged.status()).as(merged.body()).isEqualTo(200);
      assertThat(http.get("/pacts/provider/backend/consumer/karen/version/1").body()).contains("threads").contains("calls");
      assertThat(http.send("POST", "/contracts/publish", publish("2", "calls", null)).status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theOperatorMayAllowModification(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()).withContractModification(true))) {
      Http http = Http.of(broker);
      assertThat(http.send("POST", "/contracts/publish", publish("1", "threads", null)).status()).isEqualTo(200);
      Http.Response changed = http.send("POST", "/contracts/publish", publish("1", "calls", null));
      assertThat(changed.status()).as(changed.body()).isEqualTo(200);
      assertThat(changed.body()).contains("Updated karen version 1");
      assertThat(http.get("/pacts/provider/backend/consumer/karen/version/1").body()).contains("calls").doesNotContain("threads");
    }
  }
}
