package dev.subpact.broker.api;

import dev.subpact.broker.dashboard.Dashboard;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;

/**
 * The dashboard's routes: each page is rendered by {@link Dashboard} and served here. Browsers
 * asking for {@code /} get the integrations page, HAL clients the index; a browser meeting an error
 * gets an HTML page, a client the JSON.
 */
final class DashboardRoutes {

  private DashboardRoutes() {}

  static void register(Javalin app, Dashboard dashboard) {
    app.get("/dashboard", ctx -> ctx.html(dashboard.integrations(offset(ctx))));
    app.get("/dashboard/pacticipants/{pacticipant}",
        ctx -> ctx.html(dashboard.pacticipant(ctx.pathParam("pacticipant"), offset(ctx))));
    app.get("/dashboard/pacticipants/{pacticipant}/versions/{version}",
        ctx -> ctx.html(dashboard.version(ctx.pathParam("pacticipant"), ctx.pathParam("version"))));
    app.get("/dashboard/pacticipants/{pacticipant}/branches/{branch}",
        ctx -> ctx.html(dashboard.branch(ctx.pathParam("pacticipant"), ctx.pathParam("branch"), offset(ctx))));
    app.get("/dashboard/environments/{environment}",
        ctx -> ctx.html(dashboard.environment(ctx.pathParam("environment"), offset(ctx))));
    app.get("/dashboard/assets/{asset}", DashboardRoutes::asset);
    app.get("/dashboard/pacts/provider/{provider}/consumer/{consumer}/version/{version}",
        ctx -> ctx.html(dashboard.pact(ctx.pathParam("provider"), ctx.pathParam("consumer"), ctx.pathParam("version"))));
    app.get("/dashboard/matrix", ctx -> ctx.html(dashboard.matrix(param(ctx, "pacticipant"), param(ctx, "version"),
        param(ctx, "environment"))));
    app.get("/dashboard/can-i-deploy", ctx -> ctx.html(dashboard.canIDeploy(param(ctx, "pacticipant"),
        param(ctx, "version"), param(ctx, "environment"))));
    app.get("/dashboard/graphql", ctx -> ctx.html(dashboard.graphqlProviders()));
    app.get("/dashboard/graphql/{provider}", ctx -> ctx.html(dashboard.graphqlProvider(ctx.pathParam("provider"))));
    app.get("/dashboard/field-usage", ctx -> ctx.html(dashboard.fieldUsage(param(ctx, "coordinate"))));
    app.get("/dashboard/deprecated", ctx -> ctx.html(dashboard.deprecatedInUse(param(ctx, "provider"))));
    app.get("/dashboard/hal-browser", ctx -> ctx.html(Dashboard.halBrowser()));
    app.get("/doc/{rel}", ctx -> {
      Dashboard.Page page = Dashboard.relationDoc(ctx.pathParam("rel"), RELATIONS);
      ctx.status(page.status()).html(page.html());
    });
    app.get("/pacts/provider/{provider}/consumer/{consumer}/latest/badge", ctx -> badge(ctx, dashboard));
    app.get("/pacts/provider/{provider}/consumer/{consumer}/latest/badge.svg", ctx -> badge(ctx, dashboard));
    // content negotiation of the index: the HAL resource answers first, a browser gets the page instead
    app.after("/", ctx -> {
      ctx.header("Vary", "Accept");
      if (wantsHtml(ctx) && ctx.statusCode() == 200) {
        ctx.html(dashboard.integrations(offset(ctx)));
      }
    });
    app.after(DashboardRoutes::errorPage);
  }

  private static final List<Dashboard.Relation> RELATIONS = IndexResource.relations().stream()
      .map(r -> new Dashboard.Relation(r.rel(), r.title(), r.path())).toList();

  private static void badge(Context ctx, Dashboard dashboard) {
    String svg = dashboard.badge(ctx.pathParam("provider"), ctx.pathParam("consumer"));
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("image/svg+xml").result(svg);
  }

  private static void asset(Context ctx) {
    String name = ctx.pathParam("asset");
    Dashboard.Asset asset = Dashboard.asset(name)
        .orElseThrow(() -> ApiException.notFound("No dashboard asset named '" + name + "'."));
    ctx.header("Cache-Control", "max-age=300");
    ctx.contentType(asset.contentType()).result(asset.text());
  }

  /** A browser's GET that failed gets the JSON errors as a page; every other client keeps the JSON. */
  private static void errorPage(Context ctx) {
    int status = ctx.statusCode();
    if (status < 400 || !"GET".equals(ctx.method().name()) || !wantsHtml(ctx)
        || ctx.res().getContentType() == null || !ctx.res().getContentType().contains("json")) {
      return;
    }
    ctx.html(Dashboard.errorPage(status, ctx.result())).status(status);
  }

  private static int offset(Context ctx) {
    try {
      return Math.max(0, Integer.parseInt(ctx.queryParamAsClass("offset", String.class).getOrDefault("0")));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("offset must be a whole number of versions to skip, e.g. ?offset=50.");
    }
  }

  /** A query parameter as picked in a form: trimmed, null when absent or blank. */
  private static String param(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Whether the request comes from a browser asking for a page (not a HAL or JSON client). */
  private static boolean wantsHtml(Context ctx) {
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/html");
  }
}
