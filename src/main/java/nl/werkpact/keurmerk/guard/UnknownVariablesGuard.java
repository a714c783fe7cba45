package nl.werkpact.keurmerk.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.werkpact.keurmerk.models.ProcessCatalog;
import nl.werkpact.keurmerk.web.CachedBodyRequest;
import nl.werkpact.keurmerk.web.EngineRoutes;
import nl.werkpact.keurmerk.web.Refusals;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a Dutch 400, variables that the process does not know: when a process is started, a task
 * completed or a message correlated through the REST API or Tasklist. The processes read only the variables
 * their {@code *Process.Vars} class lists (and the model checks hold every form to that list), so anything else
 * is a typing error or a probe; it is not stored.
 */
class UnknownVariablesGuard extends OncePerRequestFilter {

  private static final Pattern TASK =
      Pattern.compile(".*/task/([^/]+)/(complete|submit-form|resolve)$");
  private static final Pattern START_BY_KEY =
      Pattern.compile(".*/process-definition/key/([^/]+)/(start|submit-form)$");
  private static final Pattern START_BY_ID =
      Pattern.compile(".*/process-definition/([^/]+)/(start|submit-form)$");
  private static final Pattern MESSAGE = Pattern.compile(".*/message$");
  private static final int MAX_BODY = 1_000_000;

  private final ProcessCatalog catalog;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final ObjectMapper json = new ObjectMapper();

  UnknownVariablesGuard(ProcessCatalog catalog, TaskService tasks, RepositoryService repository) {
    this.catalog = catalog;
    this.tasks = tasks;
    this.repository = repository;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String uri = EngineRoutes.resourcePath(request);
    return !"POST".equals(request.getMethod())
        || !(TASK.matcher(uri).matches()
            || START_BY_KEY.matcher(uri).matches()
            || START_BY_ID.matcher(uri).matches()
            || MESSAGE.matcher(uri).matches());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    JsonNode root = parse(body);
    String uri = EngineRoutes.resourcePath(request);
    Optional<String> processKey;
    JsonNode variables;
    if (MESSAGE.matcher(uri).matches()) {
      processKey =
          root == null
              ? Optional.empty()
              : catalog.processReceiving(root.path("messageName").asText(""));
      variables =
          merged(
              root,
              root == null
                  ? List.of()
                  : List.of(
                      root.path("processVariables"),
                      root.path("processVariablesLocal"),
                      root.path("processVariablesToTriggeredScope")));
    } else {
      processKey = processOf(uri);
      List<JsonNode> parts = new ArrayList<>();
      if (root != null) {
        parts.add(root.path("variables"));
        root.path("startInstructions")
            .forEach(instruction -> parts.add(instruction.path("variables")));
      }
      variables = merged(root, parts);
    }
    Optional<Set<String>> known = processKey.flatMap(catalog::variables);
    if (known.isPresent() && variables != null && variables.isObject()) {
      List<String> unknown = new ArrayList<>();
      variables
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!known.get().contains(name)) {
                  unknown.add(name);
                }
              });
      if (!unknown.isEmpty()) {
        Refusals.answer(
            response,
            HttpServletResponse.SC_BAD_REQUEST,
            "InvalidRequestException",
            "Onbekende gegevens voor proces "
                + processKey.get()
                + ": "
                + String.join(", ", unknown)
                + ". Er is niets opgeslagen.");
        return;
      }
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private JsonNode merged(JsonNode root, List<JsonNode> parts) {
    if (root == null) {
      return null;
    }
    var all = json.createObjectNode();
    parts.stream().filter(JsonNode::isObject).forEach(part -> all.setAll((ObjectNode) part));
    return all;
  }

  private Optional<String> processOf(String uri) {
    Matcher task = TASK.matcher(uri);
    if (task.matches()) {
      var found = tasks.createTaskQuery().taskId(task.group(1)).singleResult();
      return found == null || found.getProcessDefinitionId() == null
          ? Optional.empty()
          : Optional.of(repository.getProcessDefinition(found.getProcessDefinitionId()).getKey());
    }
    Matcher byKey = START_BY_KEY.matcher(uri);
    if (byKey.matches()) {
      return Optional.of(byKey.group(1));
    }
    Matcher byId = START_BY_ID.matcher(uri);
    if (byId.matches()) {
      try {
        return Optional.of(repository.getProcessDefinition(byId.group(1)).getKey());
      } catch (RuntimeException unknownDefinition) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : json.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}
