package nl.werkpact.keurmerk.models;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.identity.RegionTenants;
import nl.werkpact.keurmerk.region.RegionScope;
import nl.werkpact.keurmerk.region.Regions;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A region joins without a code change: its record (name, keurmerk number prefix, municipalities, sender and desk),
 * its Camunda tenant, and its models, copied from a template region's latest versions (so a criteria table the
 * template's process owner changed comes along, and the new region's process owner changes its own copy from then
 * on). Its staff are made members of its tenant ({@link RegionTenants#addMember}); its employers come with the go-live
 * import, run in the region.
 */
@Component
public class RegionOnboarding {

  /** What an admin fills in for a new region. */
  public record NewRegion(
      String code,
      String name,
      String numberPrefix,
      List<String> municipalities,
      String mailFrom,
      String deskName,
      String deskPhone,
      String deskEmail,
      String deskWebsite,
      String networkName) {}

  private final JdbcClient jdbc;
  private final Regions regions;
  private final RegionTenants tenants;
  private final RepositoryService repository;
  private final Clock clock;

  RegionOnboarding(
      JdbcClient jdbc,
      Regions regions,
      RegionTenants tenants,
      RepositoryService repository,
      Clock clock) {
    this.jdbc = jdbc;
    this.regions = regions;
    this.tenants = tenants;
    this.repository = repository;
    this.clock = clock;
  }

  /** Makes the region with the template region's models; refuses in Dutch what cannot be a region. */
  @Transactional
  public Regions.Region create(NewRegion region, String template) {
    String code = region.code() == null ? "" : region.code().strip().toLowerCase(Locale.ROOT);
    String prefix =
        region.numberPrefix() == null ? "" : region.numberPrefix().strip().toUpperCase(Locale.ROOT);
    Set<String> municipalities = new LinkedHashSet<>();
    if (region.municipalities() != null) {
      region.municipalities().stream()
          .map(String::strip)
          .filter(m -> !m.isEmpty())
          .forEach(municipalities::add);
    }
    new Checks()
        .that(
            code.matches("[a-z][a-z0-9-]{1,19}"),
            "Code: 2 tot 20 kleine letters, cijfers of streepjes, beginnend met een letter, zoals westland.")
        .that(regions.find(code).isEmpty(), "Code " + code + " is al een regio.")
        .that(
            prefix.matches("[A-Z]{2,4}"),
            "Voorvoegsel van de keurmerknummers: 2 tot 4 hoofdletters, zoals WL.")
        .that(
            regions.all().stream().noneMatch(r -> r.numberPrefix().equals(prefix)),
            "Voorvoegsel " + prefix + " hoort al bij een andere regio; kies een ander.")
        .required("Naam", region.name(), 200)
        .optional("Netwerk van de keurmerkhouders", region.networkName(), 200)
        .that(!municipalities.isEmpty(), "Noem ten minste één gemeente van de regio.")
        .that(
            regions.find(template).isPresent(),
            "Kies een bestaande regio om de modellen van over te nemen.")
        .throwIfAny();
    RegionScope.run(
        RegionScope.ALL,
        () -> {
          jdbc.sql(
                  """
                  INSERT INTO region (code, name, number_prefix, mail_from, desk_name, desk_phone, desk_email,
                                      desk_website, network_name, created_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
              .params(
                  code,
                  region.name().strip(),
                  prefix,
                  blankToNull(region.mailFrom()),
                  blankToNull(region.deskName()),
                  blankToNull(region.deskPhone()),
                  blankToNull(region.deskEmail()),
                  blankToNull(region.deskWebsite()),
                  blankToNull(region.networkName()),
                  OffsetDateTime.now(clock))
              .update();
          // its reminder round's lease (ReminderRoundLease): one round at a time in this region
          jdbc.sql(
                  "INSERT INTO reminder_round_lease (region_code, id, held_by, held_until, again)"
                      + " VALUES (?, 1, NULL, NULL, FALSE)")
              .param(code)
              .update();
          for (String municipality : municipalities) {
            jdbc.sql("INSERT INTO region_municipality (region_code, name) VALUES (?, ?)")
                .params(code, municipality)
                .update();
          }
        });
    regions.refresh();
    tenants.ensureTenant(code, region.name().strip());
    copyModels(template, code, List.copyOf(municipalities));
    return regions.get(code);
  }

  /** The latest version of each process and decision of the template region, each deployment once. */
  private void copyModels(String template, String code, List<String> municipalities) {
    Set<String> deploymentIds = new LinkedHashSet<>();
    repository
        .createProcessDefinitionQuery()
        .tenantIdIn(template)
        .latestVersion()
        .list()
        .forEach(d -> deploymentIds.add(d.getDeploymentId()));
    repository
        .createDecisionDefinitionQuery()
        .tenantIdIn(template)
        .latestVersion()
        .list()
        .forEach(d -> deploymentIds.add(d.getDeploymentId()));
    if (deploymentIds.isEmpty()) {
      throw new InvalidRequestException(
          "Regio " + template + " heeft geen modellen om over te nemen.");
    }
    List<Deployment> deployments = new ArrayList<>();
    for (String id : deploymentIds) {
      deployments.add(repository.createDeploymentQuery().deploymentId(id).singleResult());
    }
    for (Deployment from : deployments) {
      var copy =
          repository
              .createDeployment()
              .name(from.getName())
              .source(from.getSource())
              .tenantId(code);
      for (String resource : repository.getDeploymentResourceNames(from.getId())) {
        try (var in = repository.getResourceAsStream(from.getId(), resource)) {
          byte[] bytes = in.readAllBytes();
          if (resource.endsWith(".form")) {
            bytes = withMunicipalities(bytes, municipalities);
          }
          copy.addInputStream(resource, new java.io.ByteArrayInputStream(bytes));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      copy.deploy();
    }
  }

  /** A form's list of municipalities (a select with key {@code municipality}) becomes the new region's. */
  static byte[] withMunicipalities(byte[] form, List<String> municipalities) {
    try {
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      var root = json.readTree(form);
      boolean changed = false;
      for (var component : root.path("components")) {
        if ("municipality".equals(component.path("key").asText())
            && component instanceof com.fasterxml.jackson.databind.node.ObjectNode select
            && select.has("values")) {
          var values = select.putArray("values");
          for (String municipality : municipalities) {
            values.addObject().put("label", municipality).put("value", municipality);
          }
          changed = true;
        }
      }
      return changed ? json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root) : form;
    } catch (java.io.IOException notJson) {
      return form; // the model checks judge it
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
