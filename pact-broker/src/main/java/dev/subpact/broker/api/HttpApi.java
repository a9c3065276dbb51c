package dev.subpact.broker.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.servlet.FilterHolder;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The broker's HTTP server: the HAL API, auth, limits and error answers. */
public final class HttpApi {

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private HttpApi() {}

  /** Creates (does not start) the server for {@code api}, with {@code extra} routes added. */
  public static Javalin create(ApiContext api, java.util.function.Consumer<Javalin> extra) {
    Auth auth = new Auth(api.config());
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
    });
    extra.accept(app);
    IndexResource.register(app, api);
    PacticipantResources.register(app, api);
    PactResources.register(app, api);
    EnvironmentResources.register(app, api);
    MatrixResources.register(app, api);
    WebhookResources.register(app, api);
    app.exception(ApiException.class, (e, ctx) -> ApiContext.send(ctx, e.status(), e.body()));
    app.exception(Auth.Refusal.class, (e, ctx) -> ApiContext.send(ctx, e.status, errors(e.getMessage())));
    app.exception(HttpResponseException.class, (e, ctx) -> ApiContext.send(ctx, e.getStatus(), errors(e.getMessage())));
    app.exception(dev.subpact.broker.storage.StorageConflictException.class,
        (e, ctx) -> ApiContext.send(ctx, 409, errors(e.getMessage())));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
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

  static ObjectNode errors(String message) {
    ObjectNode body = Json.object();
    body.putArray("errors").add(message);
    return body;
  }
}
