package nl.werkpact.keurmerk.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.task.TaskDefinition;

/**
 * Each region has a group per role whose work is in tasks ({@code accountmanagers-mvs} beside the role
 * {@code accountmanagers}): its members are the role's members who are staff of that region, kept so by
 * {@link RegionTenants} whenever an admin changes a membership. A task of a region has the role and the region's
 * group as candidates (added to the deployed model, see tasks/process/StaffTaskParseListener), and the region's
 * Tasklist filters ask for the region's group: what a filter counts are then the region's links, not those of every
 * region that share the role. Rights stay with the role (grants per definition, {@link RoleAuthorizations}); a
 * regional group gives nothing the role does not.
 */
public final class RegionalGroups {

  /** The roles that have tasks or see a region's task filters. */
  public static final List<String> ROLES =
      List.of(
          Groups.ACCOUNTMANAGERS,
          Groups.AUDITORS,
          Groups.KEURMERKCOMMISSIE,
          Groups.PROCESBEHEERDERS);

  /**
   * The group ids Camunda accepts: its default ({@code [a-zA-Z0-9]+|camunda-admin}) plus a region code after a dash,
   * as region codes may hold dashes themselves ({@code voorne-putten}).
   */
  public static final String GROUP_ID_PATTERN = "[a-zA-Z0-9]+(-[a-z0-9]+)*|camunda-admin";

  /** The same for tenants, whose ids are the region codes. */
  public static final String TENANT_ID_PATTERN = "[a-zA-Z0-9]+(-[a-z0-9]+)*";

  /** The region's group of a role. */
  public static String of(String role, String region) {
    return role + "-" + region;
  }

  /** The role of a region's group; empty for a role itself or any other group. */
  public static Optional<String> roleOf(String groupId) {
    if (groupId == null) {
      return Optional.empty();
    }
    int dash = groupId.indexOf('-');
    if (dash <= 0 || dash == groupId.length() - 1) {
      return Optional.empty();
    }
    String role = groupId.substring(0, dash);
    return ROLES.contains(role) ? Optional.of(role) : Optional.empty();
  }

  /** The role a group's rights come from: the role of a region's group, or the group itself. */
  public static String rightsOf(String groupId) {
    return roleOf(groupId).orElse(groupId);
  }

  /**
   * The candidate groups of a task as a person reads them: a region's group stands for its role, so that
   * "accountmanagers, accountmanagers-mvs" is told once, as the region's group.
   */
  public static List<String> shown(Collection<String> groupIds) {
    Set<String> regionalRoles = new LinkedHashSet<>();
    groupIds.forEach(group -> roleOf(group).ifPresent(regionalRoles::add));
    List<String> shown = new ArrayList<>();
    for (String group : groupIds) {
      if (!regionalRoles.contains(group) && !shown.contains(group)) {
        shown.add(group);
      }
    }
    return shown;
  }

  /** The candidate groups a deployed user task names (each expression's text, split at commas). */
  public static List<String> candidateGroupsOf(TaskDefinition task) {
    return task.getCandidateGroupIdExpressions().stream()
        .map(Expression::getExpressionText)
        .filter(Objects::nonNull)
        .flatMap(text -> Arrays.stream(text.split(",")))
        .map(String::trim)
        .filter(text -> !text.isEmpty())
        .toList();
  }

  /** The groups a model's candidate groups gain in a region: the region's group of each role among them. */
  public static List<String> addedIn(String region, Collection<String> candidateGroups) {
    if (region == null) {
      return List.of();
    }
    return candidateGroups.stream()
        .filter(ROLES::contains)
        .map(role -> of(role, region))
        .filter(group -> !candidateGroups.contains(group))
        .distinct()
        .toList();
  }

  /**
   * The members of a role who may work in the region: the role and the region's tenant (the region's group follows
   * both, but the tenant is what the engine checks). Without a region (a process test's engine), the role.
   */
  public static UserQuery membersOf(UserQuery query, String role, String region) {
    query.memberOfGroup(role);
    return region == null ? query : query.memberOfTenant(region);
  }

  private RegionalGroups() {}
}
