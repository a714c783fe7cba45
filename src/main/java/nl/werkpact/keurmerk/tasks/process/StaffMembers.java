package nl.werkpact.keurmerk.tasks.process;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.convenant.Accountmanagers;
import nl.werkpact.keurmerk.identity.RegionalGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Staff as the e-mails about tasks address them: full name and e-mail address, from Camunda's users. */
@Component
class StaffMembers {

  record Member(String userId, String name, String email) {}

  private final IdentityService identity;

  StaffMembers(IdentityService identity) {
    this.identity = identity;
  }

  /** These users, in this order, those that exist. */
  Map<String, Member> users(Collection<String> userIds) {
    Map<String, Member> members = new LinkedHashMap<>();
    if (userIds.isEmpty()) {
      return members;
    }
    Map<String, User> found = new LinkedHashMap<>();
    identity
        .createUserQuery()
        .userIdIn(userIds.toArray(String[]::new))
        .list()
        .forEach(user -> found.put(user.getId(), user));
    for (String id : userIds) {
      User user = found.get(id);
      if (user != null) {
        members.put(id, member(user));
      }
    }
    return members;
  }

  /** The members of these groups. */
  /** The members of the groups who are staff of the region (of a task's tenant); without a region, all. */
  List<Member> ofGroups(Collection<String> groupIds, String region) {
    return groupIds.stream()
        .flatMap(
            group ->
                RegionalGroups.membersOf(identity.createUserQuery(), group, region).list().stream())
        .map(StaffMembers::member)
        .distinct()
        .toList();
  }

  String groupName(String groupId) {
    var group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
  }

  private static Member member(User user) {
    return new Member(
        user.getId(),
        Accountmanagers.fullName(user, user.getId()),
        user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail());
  }
}
