package nl.werkpact.keurmerk.guard;

import java.util.Set;
import nl.werkpact.keurmerk.identity.RegionTenants;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * After a change of a user's group or tenant membership, whoever made it (Camunda Admin, the REST API, the app), sets
 * the user's regional groups again ({@link RegionTenants#followMemberships}): a new accountmanager of Westland is in
 * {@code accountmanagers-westland} as soon as an admin has given the role and the region, in either order. A change
 * made inside another command is followed at the next start, as are those made while the engine starts (Camunda's
 * first admin), before the application's beans are ready.
 */
final class RegionalMemberships extends CommandInterceptor {

  private static final Set<String> MEMBERSHIP_COMMANDS =
      Set.of(
          "CreateMembershipCmd",
          "DeleteMembershipCmd",
          "CreateTenantUserMembershipCmd",
          "DeleteTenantUserMembershipCmd");

  private final ObjectProvider<RegionTenants> tenants;
  private volatile boolean started;

  RegionalMemberships(ObjectProvider<RegionTenants> tenants) {
    this.tenants = tenants;
  }

  /** From now on memberships are followed: the application's beans are made. */
  void start() {
    started = true;
  }

  @Override
  public <T> T execute(Command<T> command) {
    boolean outermost = Context.getCommandContext() == null;
    T result = next.execute(command);
    if (outermost
        && started
        && MEMBERSHIP_COMMANDS.contains(command.getClass().getSimpleName())
        && CommandFields.get(command, "userId") instanceof String userId) {
      RegionTenants regionTenants = tenants.getIfAvailable();
      if (regionTenants != null) {
        // the memberships it makes are followed no further (RegionTenants knows it is following)
        regionTenants.followMemberships(userId);
      }
    }
    return result;
  }
}
