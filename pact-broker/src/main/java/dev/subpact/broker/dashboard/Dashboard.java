package dev.subpact.broker.dashboard;

import dev.subpact.broker.api.ApiContext;
import dev.subpact.broker.graphql.GraphqlAwareness;
import io.javalin.Javalin;

/** Server-side HTML views of the broker (no external assets). */
public final class Dashboard {

  private Dashboard() {}

  public static void register(Javalin app, ApiContext api, GraphqlAwareness graphql) {
    app.get("/dashboard", ctx -> ctx.html("<!doctype html><title>subpact broker</title><h1>subpact broker</h1>"));
  }
}
