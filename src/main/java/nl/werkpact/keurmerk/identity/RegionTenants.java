package nl.werkpact.keurmerk.identity;

import nl.werkpact.keurmerk.region.Regions;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Each region is a Camunda tenant with its code as id; a member of staff belongs to the region whose tenant they are
 * a member of (Camunda's own tenant check then limits their tasks and instances to it, and {@link StaffPages} their
 * records). When the first region's tenant is made (the first start after regions came), every member of staff
 * of that time becomes a member of it, as their work was the first region's; admins see all regions anyway.
 */
@Component
public class RegionTenants {

  private final IdentityService identity;
  private final Regions regions;

  RegionTenants(IdentityService identity, Regions regions) {
    this.identity = identity;
    this.regions = regions;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  void setUp() {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      for (var region : regions.all()) {
        boolean made = ensureTenant(region.code(), region.name());
        if (made && region.code().equals(regions.firstCode())) {
          adoptStaffOfBefore(region.code());
        }
      }
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** Makes the region's tenant if it is missing; whether it was made now. */
  public boolean ensureTenant(String code, String name) {
    if (identity.createTenantQuery().tenantId(code).count() > 0) {
      return false;
    }
    var tenant = identity.newTenant(code);
    tenant.setName(name);
    identity.saveTenant(tenant);
    return true;
  }

  /** Makes the user a member of the region (staff of one region each). */
  public void addMember(String userId, String region) {
    if (identity.createTenantQuery().tenantId(region).userMember(userId).count() == 0) {
      identity.createTenantUserMembership(region, userId);
    }
  }

  private void adoptStaffOfBefore(String code) {
    for (var user : identity.createUserQuery().list()) {
      var groups =
          identity.createGroupQuery().groupMember(user.getId()).list().stream()
              .map(g -> g.getId())
              .toList();
      if (!Groups.isNational(groups)
          && identity.createTenantQuery().userMember(user.getId()).count() == 0) {
        identity.createTenantUserMembership(code, user.getId());
      }
    }
  }
}
