package nl.werkpact.keurmerk.models;

import nl.werkpact.keurmerk.region.RegionScope;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * Messages that start a process name their region's tenant: once a key is deployed in several regions, a start by
 * message without a tenant is refused by the engine (or would start another region's model).
 */
public final class RegionTenant {

  private RegionTenant() {}

  /** The correlation in this tenant ({@code null}: a model deployed without one, as in the models' own tests). */
  public static MessageCorrelationBuilder in(MessageCorrelationBuilder correlation, String tenant) {
    return tenant == null ? correlation : correlation.tenantId(tenant);
  }

  /** Definitions of the region of this work (national work: of every region). */
  public static ProcessDefinitionQuery inThisRegion(ProcessDefinitionQuery query) {
    return RegionScope.region().map(query::tenantIdIn).orElse(query);
  }

  /** Decisions of the region of this work (national work: of every region). */
  public static DecisionDefinitionQuery inThisRegion(DecisionDefinitionQuery query) {
    return RegionScope.region().map(query::tenantIdIn).orElse(query);
  }

  /** Decisions of this tenant ({@code null}: of no tenant, as in the models' own tests). */
  public static DecisionDefinitionQuery inTenant(DecisionDefinitionQuery query, String tenant) {
    return tenant == null ? query.withoutTenantId() : query.tenantIdIn(tenant);
  }

  /** Tasks of the region of this work (national work: of every region). */
  public static TaskQuery inThisRegion(TaskQuery query) {
    return RegionScope.region().map(query::tenantIdIn).orElse(query);
  }

  /** Finished and running instances of the region of this work (national work: of every region). */
  public static HistoricProcessInstanceQuery inThisRegion(HistoricProcessInstanceQuery query) {
    return RegionScope.region().map(query::tenantIdIn).orElse(query);
  }

  /** The correlation in the region of this work. */
  public static MessageCorrelationBuilder inThisRegion(MessageCorrelationBuilder correlation) {
    return in(correlation, RegionScope.region().orElse(null));
  }
}
