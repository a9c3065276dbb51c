package dev.subpact.broker.dashboard;

import java.util.List;

/**
 * The HAL browser (a page and {@code hal-browser.js} from the jar: it fetches a resource as HAL,
 * lists its links, fills templated ones from a form and shows the body) and the {@code /doc/{rel}}
 * pages the index's {@code pb} curie points at.
 */
final class HalPages {

  private HalPages() {}

  /** The HAL browser opened on {@code path}. */
  static String browse(String path) {
    return "/dashboard/hal-browser#" + path;
  }

  static String browser() {
    return Html.page("API browser", """
        <p>Browse the broker's HAL API as its clients see it. Follow a link, or fill in a templated one.</p>
        <form id="hal-go"><label>Resource <input id="hal-path" name="path" value="/" size="40"
        aria-describedby="hal-help"></label><button>Get</button></form>
        <p id="hal-help" class="skip">A path of this broker, such as /pacticipants.</p>
        <p id="hal-status" role="status"></p>
        <h2>Links</h2><div class="scroll"><table id="hal-links"><tr><th scope="col">Relation</th><th scope="col">Title</th>
        <th scope="col">Target</th></tr></table></div>
        <h2>Body</h2><pre id="hal-body"></pre>
        <script src="/dashboard/assets/hal-browser.js"></script>""");
  }

  static Dashboard.Page doc(String rel, List<Dashboard.Relation> relations) {
    String name = rel.contains(":") ? rel : "pb:" + rel;
    Dashboard.Relation relation = relations.stream().filter(r -> r.rel().equals(name)).findFirst().orElse(null);
    StringBuilder body = new StringBuilder();
    if (relation == null) {
      body.append("<p role=\"alert\">The index has no relation <code>").append(Html.text(name))
          .append("</code>.</p>");
    } else {
      boolean templated = relation.path().contains("{");
      body.append("<p>").append(Html.text(relation.title())).append(".</p><dl><dt>Relation</dt><dd><code>")
          .append(Html.text(relation.rel())).append("</code></dd><dt>Target</dt><dd><code>").append(Html.text(relation.path()))
          .append("</code>").append(templated ? " (a URI template: replace each {…} with a name)" : "").append("</dd></dl>")
          .append("<p>Clients find it in <code>_links</code> of <code>GET /</code> (send <code>Accept: application/hal+json</code>).")
          .append(templated ? "" : " " + Html.link(browse(relation.path()), "Open it in the API browser") + ".").append("</p>");
    }
    body.append("<h2>Every relation of the index</h2><ul id=\"relations\">");
    for (Dashboard.Relation r : relations) {
      body.append("<li>").append(Html.link("/doc/" + r.rel().substring(r.rel().indexOf(':') + 1) + "?context=index", r.rel()))
          .append(" — ").append(Html.text(r.title())).append("</li>");
    }
    return new Dashboard.Page(relation == null ? 404 : 200, Html.page("Relation " + name, body.append("</ul>").toString()));
  }
}
