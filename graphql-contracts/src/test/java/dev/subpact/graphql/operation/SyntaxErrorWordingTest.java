package dev.subpact.graphql.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Syntax errors worded as graphql-core 3.2.8's parser words them (each case recorded from graphql-core). */
class SyntaxErrorWordingTest {

  @Test
  void wordsEverySyntaxErrorAsGraphqlCore() throws IOException {
    JsonNode cases;
    try (InputStream in = getClass().getResourceAsStream("/dev/subpact/graphql/operation/syntax-errors.json")) {
      cases = new ObjectMapper().readTree(in).get("cases");
    }
    List<String> actual = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (JsonNode c : cases) {
      String document = c.get("document").asText();
      DocumentSyntaxException e = catchThrowableOfType(() -> GraphqlDocument.parse(document), DocumentSyntaxException.class);
      actual.add(document + " => " + (e == null ? "parsed" : e.getMessage()));
      expected.add(document + " => " + c.get("graphqlCore").asText());
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }
}
