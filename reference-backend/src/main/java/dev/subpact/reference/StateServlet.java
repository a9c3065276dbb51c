package dev.subpact.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /_subpact/state}: the provider-state endpoint, the Pact way ({@code {"state",
 * "params", "action": "setup" | "teardown" | "trigger"}}), plus the replayed interaction's id when
 * subpact's driver sends it. See {@link ProviderStates} for the states it knows.
 */
final class StateServlet extends HttpServlet {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProviderStates states;

  StateServlet(ProviderStates states) {
    this.states = states;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    JsonNode body;
    try {
      body = JSON.readTree(request.getInputStream());
    } catch (IOException e) {
      GraphqlServlet.answer(response, 400, Map.of("error", "The state change body is not JSON: " + e.getMessage()));
      return;
    }
    if (body == null || !body.path("state").isTextual()) {
      GraphqlServlet.answer(response, 400, Map.of("error", "The state change body needs {\"state\", \"params\", \"action\"}."));
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> params =
        body.path("params").isObject() ? JSON.convertValue(body.get("params"), LinkedHashMap.class) : Map.of();
    String action = body.path("action").asText("setup");
    String interaction = body.path("interaction").isTextual() ? body.get("interaction").asText() : null;
    String problem = states.change(body.get("state").asText(), params, action, interaction);
    if (problem != null) {
      GraphqlServlet.answer(response, 400, Map.of("error", problem));
    } else {
      GraphqlServlet.answer(response, 200, Map.of("result", "ok"));
    }
  }
}
