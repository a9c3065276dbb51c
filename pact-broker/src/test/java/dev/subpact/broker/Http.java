package dev.subpact.broker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A small HTTP client for the broker tests. */
final class Http {

  /** A response: status and body text. */
  record Response(int status, String body) {
    JsonNode json() {
      return Json.parse(body);
    }
  }

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private final String base;
  private final String authorization;

  Http(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  String base() {
    return base;
  }

  static Http of(RunningBroker broker) {
    return new Http(broker.url(), null);
  }

  Http basic(String credentials) {
    return new Http(base, "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  Http bearer(String token) {
    return new Http(base, "Bearer " + token);
  }

  Response get(String path) {
    return send("GET", path, null, null);
  }

  Response send(String method, String path, String body) {
    return send(method, path, body, "application/json");
  }

  Response send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null && body != null) {
      request.header("Content-Type", contentType);
    }
    request.header("Accept", "application/hal+json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String pact(String consumer, String provider, String description) {
    return """
        {"consumer":{"name":%s},"provider":{"name":%s},
         "interactions":[{"description":%s,"request":{"method":"GET","path":"/"},"response":{"status":200}}],
         "metadata":{"pactSpecification":{"version":"2.0.0"}}}"""
        .formatted(quote(consumer), quote(provider), quote(description));
  }

  static String quote(String text) {
    return Json.write(Json.MAPPER.getNodeFactory().textNode(text));
  }

  static String encode(String segment) {
    return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
