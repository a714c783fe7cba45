package nl.werkpact.keurmerk.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefinitionByKeyInRegionTest {

  @Test
  void aDefinitionByKeyIsTheRegionsUnlessATenantIsNamed() {
    assertThat(
            DefinitionByKeyInRegion.withTenant(
                "/engine-rest/process-definition/key/Convenant/start", "mvs"))
        .isEqualTo("/engine-rest/process-definition/key/Convenant/tenant-id/mvs/start");
    assertThat(
            DefinitionByKeyInRegion.withTenant(
                "/camunda/api/engine/engine/default/process-definition/key/KeurmerkWithdrawal/submit-form",
                "zuid"))
        .isEqualTo(
            "/camunda/api/engine/engine/default/process-definition/key/KeurmerkWithdrawal/tenant-id/zuid/submit-form");
    assertThat(
            DefinitionByKeyInRegion.withTenant(
                "/engine-rest/decision-definition/key/KeurmerkCriteria", "mvs"))
        .isEqualTo("/engine-rest/decision-definition/key/KeurmerkCriteria/tenant-id/mvs");
    // a tenant named by the caller stays (Camunda's tenant check then decides), whatever the key's
    // length
    assertThat(
            DefinitionByKeyInRegion.withTenant(
                "/engine-rest/process-definition/key/Convenant/tenant-id/zuid/start", "mvs"))
        .isEqualTo("/engine-rest/process-definition/key/Convenant/tenant-id/zuid/start");
    assertThat(
            DefinitionByKeyInRegion.withTenant(
                "/engine-rest/process-definition/abc:1/start", "mvs"))
        .isEqualTo("/engine-rest/process-definition/abc:1/start");
  }
}
