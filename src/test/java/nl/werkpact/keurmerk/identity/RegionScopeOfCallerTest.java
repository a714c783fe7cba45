package nl.werkpact.keurmerk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.werkpact.keurmerk.region.RegionScope;
import org.junit.jupiter.api.Test;

/** Which regions' records a caller's request reads and writes. */
class RegionScopeOfCallerTest {

  @Test
  void anAdminWorksInEveryRegion() {
    assertThat(StaffPages.scopeOf(List.of(Groups.ADMINS), List.of(), "POST"))
        .isEqualTo(RegionScope.ALL);
    assertThat(StaffPages.scopeOf(List.of("camunda-admin"), List.of("mvs"), "DELETE"))
        .isEqualTo(RegionScope.ALL);
  }

  @Test
  void theNationalRoleReadsEveryRegionButChangesOnlyItsOwn() {
    var groups = List.of(Groups.ACCOUNTMANAGERS, Groups.NATIONAL);
    assertThat(StaffPages.scopeOf(groups, List.of("mvs"), "GET")).isEqualTo(RegionScope.ALL);
    assertThat(StaffPages.scopeOf(groups, List.of("mvs"), "HEAD")).isEqualTo(RegionScope.ALL);
    assertThat(StaffPages.scopeOf(groups, List.of("mvs"), "POST")).isEqualTo("mvs");
    assertThat(StaffPages.scopeOf(groups, List.of("mvs"), "PUT")).isEqualTo("mvs");
    assertThat(StaffPages.scopeOf(List.of(Groups.NATIONAL), List.of(), "POST"))
        .isEqualTo(RegionScope.NONE);
  }

  @Test
  void staffWorkInTheirOneRegion_andStaffOfNoneOrSeveralInNone() {
    var groups = List.of(Groups.ACCOUNTMANAGERS);
    assertThat(StaffPages.scopeOf(groups, List.of("westland"), "GET")).isEqualTo("westland");
    assertThat(StaffPages.scopeOf(groups, List.of(), "GET")).isEqualTo(RegionScope.NONE);
    assertThat(StaffPages.scopeOf(groups, List.of("mvs", "westland"), "GET"))
        .isEqualTo(RegionScope.NONE);
  }
}
