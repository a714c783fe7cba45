package nl.werkpact.keurmerk.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes {@link RoleAuthorizations} at start-up, in every profile; existing grants are set to exactly the table's permissions. */
@Component
public class AuthorizationSetup {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationSetup.class);

  private final AuthorizationService authorizations;
  private final JdbcClient jdbc;

  AuthorizationSetup(AuthorizationService authorizations, JdbcClient jdbc) {
    this.authorizations = authorizations;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(2)
  void setUp() {
    for (RoleAuthorizations.Grant grant : RoleAuthorizations.grants()) {
      Authorization authorization =
          authorizations
              .createAuthorizationQuery()
              .groupIdIn(grant.groupId())
              .resourceType(grant.resource())
              .resourceId(grant.resourceId())
              .list()
              .stream()
              .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT)
              .findFirst()
              .orElseGet(
                  () -> {
                    Authorization created =
                        authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                    created.setGroupId(grant.groupId());
                    created.setResource(grant.resource());
                    created.setResourceId(grant.resourceId());
                    return created;
                  });
      // Exactly the table's permissions: a grant narrowed in a new version is narrowed in existing
      // databases too.
      int wanted =
          Arrays.stream(grant.permissions())
              .mapToInt(Permission::getValue)
              .reduce(0, (a, b) -> a | b);
      if (authorization.getId() != null
          && ((AuthorizationEntity) authorization).getPermissions() == wanted) {
        continue;
      }
      authorization.setPermissions(grant.permissions());
      authorizations.saveAuthorization(authorization);
    }
    removeRowsPerTask();
  }

  /**
   * Rows per task that the grants per process definition make redundant (written before {@link TaskAuthorizations}):
   * removed, so that an existing database gets the fast task list too. Rows of tasks that no definition grant covers
   * (tasks of models from before the split) stay.
   */
  public void removeRowsPerTask() {
    record Row(String id, String taskId, String groupId, String processKey) {}
    List<Row> rows =
        jdbc.sql(
                """
            SELECT a.ID_, a.RESOURCE_ID_, a.GROUP_ID_, d.KEY_ FROM ACT_RU_AUTHORIZATION a
            JOIN ACT_RU_TASK t ON t.ID_ = a.RESOURCE_ID_ JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
            WHERE a.RESOURCE_TYPE_ = :type AND a.TYPE_ = :grant""")
            .param("type", Resources.TASK.resourceType())
            .param("grant", Authorization.AUTH_TYPE_GRANT)
            .query(
                (rs, i) ->
                    new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .list();
    if (rows.isEmpty()) {
      return;
    }
    Map<String, List<String>> candidateGroups = new HashMap<>();
    jdbc.sql(
            "SELECT l.TASK_ID_, l.GROUP_ID_ FROM ACT_RU_IDENTITYLINK l WHERE l.TASK_ID_ IS NOT NULL AND l.GROUP_ID_ IS NOT NULL")
        .query(
            rs -> {
              candidateGroups
                  .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(rs.getString(2));
            });
    List<String> redundant = new ArrayList<>();
    for (Row row : rows) {
      boolean covered =
          row.groupId() != null
              ? RoleAuthorizations.worksOnDefinition(row.groupId(), row.processKey())
              : !candidateGroups.getOrDefault(row.taskId(), List.of()).isEmpty()
                  && candidateGroups.get(row.taskId()).stream()
                      .allMatch(
                          group -> RoleAuthorizations.worksOnDefinition(group, row.processKey()));
      if (covered) {
        redundant.add(row.id());
      }
    }
    for (int from = 0; from < redundant.size(); from += 500) {
      jdbc.sql("DELETE FROM ACT_RU_AUTHORIZATION WHERE ID_ IN (:ids)")
          .param("ids", redundant.subList(from, Math.min(redundant.size(), from + 500)))
          .update();
    }
    LOG.info(
        "Removed {} task authorization rows made redundant by grants per process definition",
        redundant.size());
  }
}
