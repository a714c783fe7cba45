package nl.werkpact.keurmerk.identity;

import java.util.Collection;
import java.util.List;

/** The Camunda groups, one per role. Candidate groups in the models use these ids. */
public final class Groups {

  public static final String ACCOUNTMANAGERS = "accountmanagers";
  public static final String AUDITORS = "auditors";
  public static final String KEURMERKCOMMISSIE = "keurmerkcommissie";
  public static final String PROCESBEHEERDERS = "procesbeheerders";
  public static final String ADMINS = "admins";

  /**
   * Staff who see every region side by side: the national view and every region's dashboard, read only (what they
   * change, through their other groups, stays in their own region). Created at start-up; admins give it in Camunda
   * Admin.
   */
  public static final String NATIONAL = "landelijk";

  public record Role(String id, String name) {}

  public static final List<Role> ALL =
      List.of(
          new Role(ACCOUNTMANAGERS, "Accountmanagers Werkgeversservicepunt"),
          new Role(AUDITORS, "Auditoren"),
          new Role(KEURMERKCOMMISSIE, "Keurmerkcommissie"),
          new Role(PROCESBEHEERDERS, "Procesbeheerders"),
          new Role(ADMINS, "Beheerders"),
          new Role(NATIONAL, "Landelijk (alle regio's, alleen lezen)"));

  /** Whether these groups let a user see all regions: an administrator, or the national role. */
  public static boolean isNational(Collection<String> groups) {
    return isAdmin(groups) || groups != null && groups.contains(NATIONAL);
  }

  /** Whether these groups make a user an administrator: ours, or Camunda's own camunda-admin. */
  public static boolean isAdmin(Collection<String> groups) {
    return groups != null
        && (groups.contains(ADMINS)
            || groups.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN));
  }

  private Groups() {}
}
