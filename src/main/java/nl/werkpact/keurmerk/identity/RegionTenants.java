package nl.werkpact.keurmerk.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import nl.werkpact.keurmerk.region.Regions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Each region is a Camunda tenant with its code as id; a member of staff belongs to the region whose tenant they are
 * a member of (Camunda's own tenant check then limits their tasks and instances to it, and {@link StaffPages} their
 * records). When the first region's tenant is made (the first start after regions came), every member of staff
 * of that time becomes a member of it, as their work was the first region's; admins see all regions anyway.
 *
 * <p>Each region also has its groups per role ({@link RegionalGroups}) and its Tasklist filters on them. The groups
 * follow the roles and tenants: after every change of a membership (Camunda Admin, the demo, onboarding) the user's
 * regional groups are set again ({@link #followMemberships}, called by the engine guard), and at every start for all
 * users and for the open tasks of before.
 */
@Component
public class RegionTenants {

  private static final Logger LOG = LoggerFactory.getLogger(RegionTenants.class);

  private final IdentityService identity;
  private final Regions regions;
  private final TaskService tasks;
  private final IdentitySetup filters;

  /** This thread is setting a user's regional groups now. */
  private static final ThreadLocal<Boolean> FOLLOWING = ThreadLocal.withInitial(() -> false);

  RegionTenants(
      IdentityService identity, Regions regions, TaskService tasks, IdentitySetup filters) {
    this.identity = identity;
    this.regions = regions;
    this.tasks = tasks;
    this.filters = filters;
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
      for (var user : identity.createUserQuery().list()) {
        followMemberships(user.getId());
      }
      for (var region : regions.all()) {
        linkOpenTasks(region.code());
      }
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /**
   * Makes the region's tenant if it is missing, and its groups per role and Tasklist filters; whether the tenant was
   * made now.
   */
  public boolean ensureTenant(String code, String name) {
    boolean made = identity.createTenantQuery().tenantId(code).count() == 0;
    if (made) {
      var tenant = identity.newTenant(code);
      tenant.setName(name);
      unlessMadeMeanwhile(
          () -> identity.saveTenant(tenant),
          () -> identity.createTenantQuery().tenantId(code).count() == 1);
    }
    for (Groups.Role role : Groups.ALL) {
      if (RegionalGroups.ROLES.contains(role.id())) {
        String id = RegionalGroups.of(role.id(), code);
        String groupName = role.name() + " · " + name;
        var group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
          group = identity.newGroup(id);
          group.setType("WORKFLOW");
        } else if (groupName.equals(group.getName())) {
          continue;
        }
        // new, or the region was renamed
        group.setName(groupName);
        var toSave = group;
        unlessMadeMeanwhile(
            () -> identity.saveGroup(toSave),
            () -> {
              var now = identity.createGroupQuery().groupId(id).singleResult();
              return now != null && groupName.equals(now.getName());
            });
      }
    }
    filters.regionFilters(code, name);
    return made;
  }

  /**
   * Sets the user's regional groups to what their roles and regions make them: the region's group of each role they
   * have, for each region they are staff of; no other.
   */
  public void followMemberships(String userId) {
    // Each membership made here is a change the engine guard follows too; that inner follow would
    // make the rest of this one's groups, and this one would then make them again.
    if (FOLLOWING.get()) {
      return;
    }
    FOLLOWING.set(true);
    try {
      follow(userId);
    } finally {
      FOLLOWING.remove();
    }
  }

  private void follow(String userId) {
    Set<String> roles =
        identity.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .collect(Collectors.toCollection(HashSet::new));
    List<String> regionsOfUser =
        identity.createTenantQuery().userMember(userId).list().stream()
            .map(tenant -> tenant.getId())
            .toList();
    Set<String> wanted = new HashSet<>();
    for (String role : RegionalGroups.ROLES) {
      if (roles.contains(role)) {
        regionsOfUser.forEach(region -> wanted.add(RegionalGroups.of(role, region)));
      }
    }
    for (String group : roles) {
      if (RegionalGroups.roleOf(group).isPresent() && !wanted.contains(group)) {
        identity.deleteMembership(userId, group);
      }
    }
    for (String group : wanted) {
      if (!roles.contains(group) && identity.createGroupQuery().groupId(group).count() == 1) {
        unlessMadeMeanwhile(
            () -> identity.createMembership(userId, group),
            () -> identity.createGroupQuery().groupId(group).groupMember(userId).count() == 1);
      }
    }
  }

  /**
   * Makes something once: when another node starting at the same moment made it first, its insert fails on the key,
   * and what it made stands. Anything else is thrown.
   */
  private static void unlessMadeMeanwhile(Runnable make, BooleanSupplier made) {
    try {
      make.run();
    } catch (ProcessEngineException e) {
      if (!made.getAsBoolean()) {
        throw e;
      }
      LOG.debug("Made meanwhile by another node: {}", e.getMessage());
    }
  }

  /** Open tasks from before the regional groups: each gets its region's group beside its role. */
  private void linkOpenTasks(String region) {
    for (String role : RegionalGroups.ROLES) {
      String regional = RegionalGroups.of(role, region);
      long ofRole = tasks.createTaskQuery().tenantIdIn(region).taskCandidateGroup(role).count();
      if (ofRole == 0
          || ofRole
              == tasks.createTaskQuery().tenantIdIn(region).taskCandidateGroup(regional).count()) {
        continue;
      }
      Set<String> linked =
          tasks.createTaskQuery().tenantIdIn(region).taskCandidateGroup(regional).list().stream()
              .map(Task::getId)
              .collect(Collectors.toSet());
      int added = 0;
      for (Task task : tasks.createTaskQuery().tenantIdIn(region).taskCandidateGroup(role).list()) {
        if (!linked.contains(task.getId())) {
          tasks.addCandidateGroup(task.getId(), regional);
          added++;
        }
      }
      LOG.info("{} open task(s) of region {} now also for group {}", added, region, regional);
    }
  }

  /** Makes the user a member of the region (staff of one region each). */
  public void addMember(String userId, String region) {
    if (identity.createTenantQuery().tenantId(region).userMember(userId).count() == 0) {
      unlessMadeMeanwhile(
          () -> identity.createTenantUserMembership(region, userId),
          () -> identity.createTenantQuery().tenantId(region).userMember(userId).count() == 1);
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
