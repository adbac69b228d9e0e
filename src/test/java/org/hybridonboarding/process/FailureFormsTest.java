package org.hybridonboarding.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Camunda Forms have no include: the failure forms share their layout by convention, and this
 * test keeps them to it. Each one shows the same facts with the same labels, in the same order,
 * read-only (who, which step, which code, the system's words, why the last choice was refused),
 * then its own choices in the field resolution.
 */
class FailureFormsTest {

  private static final List<String> SHARED = List.of("employeeId", "givenName", "surname", "problemStepName",
      "problemCode", "problemMessage", "resolutionError");

  private final ObjectMapper json = new ObjectMapper();

  private List<Path> failureForms() throws IOException {
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      return forms.filter(p -> p.getFileName().toString().startsWith("resolve-")).sorted().toList();
    }
  }

  /** The components of a form with a key, in order, without their generated ids. */
  private List<JsonNode> fields(Path form) throws IOException {
    List<JsonNode> fields = new ArrayList<>();
    for (JsonNode component : json.readTree(form.toFile()).path("components")) {
      if (component.has("key")) {
        fields.add(((com.fasterxml.jackson.databind.node.ObjectNode) component.deepCopy()).without(List.of("id", "layout")));
      }
    }
    return fields;
  }

  @Test
  void everyFailureFormShowsTheSameFactsTheSameWay() throws IOException {
    List<Path> forms = failureForms();
    assertThat(forms).hasSize(8);
    List<JsonNode> reference = fields(forms.get(0)).subList(0, SHARED.size());
    assertThat(reference).extracting(field -> field.path("key").asText()).containsExactlyElementsOf(SHARED);
    for (Path form : forms) {
      List<JsonNode> fields = fields(form);
      assertThat(fields.subList(0, SHARED.size())).as(form + " shares the facts' layout").isEqualTo(reference);
      assertThat(fields.subList(0, SHARED.size())).as(form.toString()).allMatch(field -> field.path("readonly").asBoolean()
          || field.path("disabled").asBoolean());
      assertThat(fields).as(form + " offers its choices as resolution")
          .anyMatch(field -> field.path("key").asText().equals("resolution") && field.path("type").asText().equals("radio"));
    }
  }
}
