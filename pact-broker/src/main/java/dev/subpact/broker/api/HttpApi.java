package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.metrics.BrokerMetrics;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The broker's HTTP server: the HAL API, auth, limits and error answers. */
public final class HttpApi {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private HttpApi() {}

  private static final String STARTED = "subpact.started";
  private static final String REQUEST_ID = "subpact.requestId";

  /** Creates (does not start) the server for {@code api}: every route of the broker, and its error mapping. */
  public static Javalin create(ApiContext api, BrokerMetrics metrics) {
    Auth auth = new Auth(api.config());
    AccessLog accessLog = new AccessLog(api.config().accessLog(), System.err);
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = api.config().maxBodyBytes();
      config.router.ignoreTrailingSlashes = true;
      config.http.prefer405over404 = true;
      config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.LEGACY));
      config.jetty.modifyServletContextHandler(handler -> handler.addFilter(
          new FilterHolder(new BodyLimit(api.config().maxBodyBytes())), "/*", EnumSet.of(DispatcherType.REQUEST)));
    });
    app.before(ctx -> {
      ctx.attribute(STARTED, System.nanoTime());
      String requestId = AccessLog.requestId(ctx.header(AccessLog.HEADER));
      ctx.attribute(REQUEST_ID, requestId);
      ctx.header(AccessLog.HEADER, requestId);
      auth.check(ctx);
      String length = ctx.header("Content-Length");
      if (length != null) {
        try {
          if (Long.parseLong(length.trim()) > api.config().maxBodyBytes()) {
            throw BodyLimit.tooLarge(length, api.config().maxBodyBytes());
          }
        } catch (NumberFormatException e) {
          throw ApiException.badRequest("Content-Length '" + length + "' is not a number.");
        }
      }
      requireJson(ctx, length);
    });
    app.after(ctx -> {
      Long started = ctx.attribute(STARTED);
      Duration took = Duration.ofNanos(started == null ? 0 : System.nanoTime() - started);
      String route = route(ctx);
      int status = ctx.status().getCode();
      metrics.request(ctx.method().name(), route, status, took);
      accessLog.write(ctx.attribute(REQUEST_ID), ctx.method().name(), ctx.path(), route, status, took);
    });
    // before the pact routes: /pacts/provider/{p}/consumer/{c}/latest/badge must not be taken for a tag
    GraphqlResources.register(app, api);
    DashboardRoutes.register(app, api.dashboard());
    DiagnosticResources.register(app, api, metrics);
    IndexResource.register(app, api);
    PacticipantResources.register(app, api);
    PactResources.register(app, api);
    EnvironmentResources.register(app, api);
    MatrixResources.register(app, api);
    WebhookResources.register(app, api);
    app.exception(ApiException.class, (e, ctx) -> ApiContext.send(ctx, e.status(), e.body()));
    app.exception(dev.subpact.broker.error.BrokerException.class, (e, ctx) -> {
      ApiException answer = ApiException.of(e);
      ApiContext.send(ctx, answer.status(), answer.body());
    });
    app.exception(Auth.Refusal.class, (e, ctx) -> ApiContext.send(ctx, e.status, errors(e.getMessage())));
    app.exception(HttpResponseException.class, (e, ctx) -> ApiContext.send(ctx, e.getStatus(), errors(e.getMessage())));
    app.exception(dev.subpact.broker.error.InvalidNameException.class,
        (e, ctx) -> ApiContext.send(ctx, 400, errors(e.getMessage())));
    app.exception(dev.subpact.broker.error.StorageConflictException.class,
        (e, ctx) -> ApiContext.send(ctx, 409, errors(e.getMessage())));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("Unexpected error on {} {} (request {})", ctx.method(), ctx.path(), ctx.attribute(REQUEST_ID), e);
      ApiContext.send(ctx, 500, errors("The broker failed unexpectedly: " + e.getClass().getSimpleName()
          + ": " + e.getMessage()));
    });
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        ApiContext.send(ctx, 404, errors("No resource at " + ctx.method() + " " + ctx.path() + "."));
      }
    });
    app.error(405, ctx -> ApiContext.send(ctx, 405, errors("Method " + ctx.method() + " is not allowed on " + ctx.path() + ".")));
    return app;
  }

  /** The matched route pattern (bounded label values for metrics), never the raw path. */
  private static String route(io.javalin.http.Context ctx) {
    try {
      String path = ctx.endpointHandlerPath();
      return path == null || path.isEmpty() ? "unmatched" : path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  /**
   * A write with a body must say it is JSON ({@code application/json}, {@code application/hal+json},
   * any {@code +json}; a GraphQL schema may also be {@code application/graphql}): otherwise 415. A
   * plain HTML form (text/plain, urlencoded, multipart) can be sent cross-site with a browser's cached
   * credentials; JSON cannot without the broker's consent.
   */
  private static void requireJson(io.javalin.http.Context ctx, String length) {
    String method = ctx.method().name();
    boolean hasBody = (length != null && !length.trim().equals("0")) || ctx.header("Transfer-Encoding") != null;
    if (!hasBody || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
      return;
    }
    String type = ctx.header("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    boolean json = media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    boolean schema = media.equals("application/graphql") && ctx.path().endsWith("/graphql-schema");
    if (!json && !schema) {
      throw new Auth.Refusal(415, "The broker takes JSON: send the body with Content-Type: application/json"
          + (ctx.path().endsWith("/graphql-schema") ? " ({\"sdl\": …}) or application/graphql" : "")
          + (type == null ? " (the request had no Content-Type)." : " (the request had '" + type + "')."));
    }
  }

  static ObjectNode errors(String message) {
    ObjectNode body = Json.object();
    body.putArray("errors").add(message);
    return body;
  }
}
