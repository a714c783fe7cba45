package nl.werkpact.keurmerk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer reads holds: every link between the documents leads to a file and, where it names one, a section
 * that exists; the README stays a first read; every setting the code reads is in the one table of settings.
 */
class DocumentationTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING =
      Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*$", Pattern.MULTILINE);

  /** A section named in prose: (docs/operations.md, "Settings") or README, "Demo". */
  private static final Pattern SECTION_REFERENCE =
      Pattern.compile("([\\w./-]+\\.md|README), \"([^\"]+)\"");

  @Test
  void everyLinkBetweenTheDocumentsLeadsToAFileAndSectionThatExist() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      doc = doc.toAbsolutePath();
      String text = Files.readString(doc, StandardCharsets.UTF_8);
      var links = LINK.matcher(text);
      while (links.find()) {
        String target = links.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // http(s) and mailto: outside the repository
        }
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
        Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
          broken.add(doc + ": " + target + " (no such file)");
        } else if (anchor != null
            && resolved.toString().endsWith(".md")
            && !anchors(resolved).contains(anchor)) {
          broken.add(doc + ": " + target + " (no such section)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void everySectionNamedInTheTextExists() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path doc : documents()) {
      doc = doc.toAbsolutePath();
      var references = SECTION_REFERENCE.matcher(Files.readString(doc, StandardCharsets.UTF_8));
      while (references.find()) {
        Path target =
            references.group(1).equals("README")
                ? Path.of("README.md")
                : resolve(doc, references.group(1));
        if (target == null || !Files.exists(target)) {
          broken.add(doc + ": " + references.group() + " (no such file)");
        } else if (headings(target).stream().noneMatch(h -> h.startsWith(references.group(2)))) {
          broken.add(doc + ": " + references.group() + " (no such section)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theReadmeIsAFirstReadWithTheTwoCommandsOnItsFirstScreen() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    String firstScreen = String.join("\n", lines.subList(0, Math.min(40, lines.size())));

    assertThat(lines).hasSizeLessThanOrEqualTo(150);
    assertThat(firstScreen).contains("mvn spring-boot:run").contains("mvn verify");
  }

  @Test
  void everySettingTheCodeReadsIsInTheTableOfSettings() throws IOException {
    var metadata =
        new ObjectMapper()
            .readTree(
                Path.of("target/classes/META-INF/spring-configuration-metadata.json").toFile());
    Set<String> ours = new TreeSet<>();
    metadata.path("properties").forEach(property -> ours.add(property.path("name").asText()));
    String operations = Files.readString(Path.of("docs/operations.md"));
    Set<String> documented =
        Pattern.compile("`(werkpact\\.[a-z.-]+)`")
            .matcher(operations)
            .results()
            .map(m -> m.group(1))
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(ours).as("settings of the code (configuration metadata)").isNotEmpty();
    assertThat(documented).as("settings in docs/operations.md").containsAll(ours);
    assertThat(ours)
        .as("settings the table names that the code does not read")
        .containsAll(documented);
  }

  private static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("SECURITY.md")));
    try (Stream<Path> files = Files.walk(Path.of("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  private static Path resolve(Path from, String name) {
    for (Path candidate :
        List.of(from.getParent().resolve(name), Path.of(name), Path.of("docs").resolve(name))) {
      if (Files.exists(candidate.normalize())) {
        return candidate.normalize();
      }
    }
    return null;
  }

  private static List<String> headings(Path doc) throws IOException {
    return HEADING.matcher(Files.readString(doc)).results().map(m -> m.group(1).strip()).toList();
  }

  /** GitHub's anchors: lower case, punctuation dropped, spaces to hyphens. */
  private static Set<String> anchors(Path doc) throws IOException {
    return headings(doc).stream()
        .map(h -> h.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
        .collect(Collectors.toSet());
  }
}
