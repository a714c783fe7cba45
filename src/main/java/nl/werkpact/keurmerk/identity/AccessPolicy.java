package nl.werkpact.keurmerk.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.util.AntPathMatcher;

/**
 * Who may open which page and call which operation of the app: written once, here, and applied to every controller
 * and every REST resource of the project by default ({@link AccessPolicyInterceptor} for the pages,
 * {@link AccessPolicyRestFilter} for {@code /engine-rest/werkpact/...}). A page or operation without a rule is closed:
 * a new controller answers 403 until it is given one. The handlers themselves no longer check who calls them.
 * SECURITY.md shows this table as role × page.
 */
public final class AccessPolicy {

  /** Who a rule lets in. */
  public enum Audience {
    EVERYONE(List.of(), null),
    /** Whoever is logged in, of any group (their own settings). */
    LOGGED_IN(List.of(), null),
    STAFF(
        List.of(
            Groups.ACCOUNTMANAGERS,
            Groups.KEURMERKCOMMISSIE,
            Groups.ADMINS,
            org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN),
        "Deze pagina is alleen voor accountmanagers, de keurmerkcommissie en beheerders."),
    ACCOUNTMANAGERS(
        List.of(
            Groups.ACCOUNTMANAGERS,
            Groups.ADMINS,
            org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN),
        "Dit is voor accountmanagers en beheerders."),
    COMMITTEE(
        List.of(
            Groups.KEURMERKCOMMISSIE,
            Groups.ADMINS,
            org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN),
        "Dit is voor de keurmerkcommissie en beheerders."),
    /** The dashboard: staff, the procesbeheerder and the national role. */
    STAFF_AND_PROCESS_OWNERS(
        List.of(
            Groups.ACCOUNTMANAGERS,
            Groups.KEURMERKCOMMISSIE,
            Groups.PROCESBEHEERDERS,
            Groups.NATIONAL,
            Groups.ADMINS,
            org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN),
        "Deze pagina is alleen voor accountmanagers, de keurmerkcommissie, procesbeheerders, de landelijke rol en beheerders."),
    /** The national view of all regions: the national role and admins. */
    NATIONAL(
        List.of(
            Groups.NATIONAL,
            Groups.ADMINS,
            org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN),
        "Deze pagina is alleen voor de landelijke rol en beheerders."),
    PROCESS_OWNERS(
        List.of(
            Groups.PROCESBEHEERDERS,
            Groups.ADMINS,
            org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN),
        "Dit is voor procesbeheerders en beheerders."),
    ADMINS(
        List.of(Groups.ADMINS, org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN),
        "Deze pagina is alleen voor beheerders.");

    private final List<String> groups;
    private final String refusal;

    Audience(List<String> groups, String refusal) {
      this.groups = groups;
      this.refusal = refusal;
    }

    public boolean admits(List<String> callerGroups) {
      return this == EVERYONE
          || (this == LOGGED_IN && callerGroups != null)
          || (callerGroups != null && callerGroups.stream().anyMatch(groups::contains));
    }

    public boolean needsLogin() {
      return this != EVERYONE;
    }

    public String refusal() {
      return refusal;
    }
  }

  /** A method ({@code *} for any) and an Ant path pattern, and who may use it. */
  public record Rule(String method, String pattern, Audience audience) {}

  public static final List<Rule> RULES =
      List.of(
          // public: the keurmerkregister and its verification page
          new Rule("GET", "/register", Audience.EVERYONE),
          new Rule("GET", "/register.json", Audience.EVERYONE),
          new Rule("GET", "/register/*", Audience.EVERYONE),
          new Rule("GET", "/register/*/logo.png", Audience.EVERYONE),
          new Rule("GET", "/register/*/badge.svg", Audience.EVERYONE),
          new Rule("GET", "/register/*/badge.png", Audience.EVERYONE),
          // public: what the keurmerk asks and the self-scan (nothing stored)
          new Rule("GET", "/partner-worden", Audience.EVERYONE),
          new Rule("GET", "/partner-worden/*", Audience.EVERYONE),
          new Rule("POST", "/partner-worden/*/zelfscan", Audience.EVERYONE),
          // public: asking to be contacted about a self-scan's outcome (only then are its figures
          // kept; throttled)
          new Rule("POST", "/partner-worden/*/contact", Audience.EVERYONE),
          // public: the intent online, confirmed by the link mailed to the address (throttled)
          new Rule("POST", "/partner-worden/*/aanmelden", Audience.EVERYONE),
          new Rule("POST", "/partner-worden/bevestigen", Audience.EVERYONE),
          // public: Mijn keurmerk, the employer's own page after signing in with a link mailed to
          // its contact address
          // (throttled); the controller reads and changes only the records of the employer its
          // session signed in
          new Rule("GET", "/mijn-keurmerk", Audience.EVERYONE),
          new Rule("POST", "/mijn-keurmerk/inloggen", Audience.EVERYONE),
          new Rule("GET", "/mijn-keurmerk/link", Audience.EVERYONE),
          new Rule("POST", "/mijn-keurmerk/link", Audience.EVERYONE),
          new Rule("POST", "/mijn-keurmerk/uitloggen", Audience.EVERYONE),
          new Rule("POST", "/mijn-keurmerk/verlengen", Audience.EVERYONE),
          new Rule("POST", "/mijn-keurmerk/contactgegevens", Audience.EVERYONE),
          new Rule("POST", "/mijn-keurmerk/cijfers", Audience.EVERYONE),
          new Rule("GET", "/mijn-keurmerk/certificaat/*", Audience.EVERYONE),
          // the local demo clock (local profile only; moving it needs the demo's token)
          new Rule("*", "/demo/klok", Audience.EVERYONE),
          new Rule("POST", "/demo/klok/volgende", Audience.EVERYONE),
          // our login page for the staff pages (the password check is throttled)
          new Rule("*", "/aanmelden", Audience.EVERYONE),
          new Rule("*", "/afmelden", Audience.EVERYONE),
          // staff pages
          new Rule("GET", "/dossier", Audience.STAFF),
          new Rule("GET", "/dossier/*", Audience.STAFF),
          new Rule("GET", "/dossier/*/certificaat/*", Audience.STAFF),
          // contact data: the employer's own accountmanager or an admin (the handler checks whose)
          new Rule("POST", "/dossier/*/contactgegevens", Audience.ACCOUNTMANAGERS),
          new Rule("POST", "/dossier/*/contactvoorstel", Audience.ACCOUNTMANAGERS),
          new Rule("GET", "/dashboard/landelijk", Audience.NATIONAL),
          new Rule("GET", "/dashboard/landelijk.csv", Audience.NATIONAL),
          new Rule("GET", "/dashboard", Audience.STAFF_AND_PROCESS_OWNERS),
          new Rule("GET", "/dashboard/*.csv", Audience.STAFF_AND_PROCESS_OWNERS),
          // lead times and what is late: the procesbeheerder (the Werkpact's management) and admins
          new Rule("GET", "/doorlooptijden", Audience.PROCESS_OWNERS),
          new Rule("GET", "/doorlooptijden/*.csv", Audience.PROCESS_OWNERS),
          // each member of staff's own settings (the daily digest)
          new Rule("*", "/mijn-instellingen", Audience.LOGGED_IN),
          // the members of the network and its meetings (contact data: accountmanagers and admins)
          new Rule("GET", "/netwerk", Audience.ACCOUNTMANAGERS),
          new Rule("GET", "/netwerk.csv", Audience.ACCOUNTMANAGERS),
          new Rule("POST", "/netwerk/bijeenkomst", Audience.ACCOUNTMANAGERS),
          // ceremonies for several new holders (contact data, e-mails to employers)
          new Rule("GET", "/uitreikingen", Audience.ACCOUNTMANAGERS),
          new Rule("POST", "/uitreikingen", Audience.ACCOUNTMANAGERS),
          new Rule("POST", "/uitreikingen/*/wijzigen", Audience.ACCOUNTMANAGERS),
          new Rule("POST", "/uitreikingen/*/annuleren", Audience.ACCOUNTMANAGERS),
          new Rule("POST", "/uitreikingen/*/verslag", Audience.ACCOUNTMANAGERS),
          // e-mails that wait for a person: accountmanagers (each for the employers they
          // registered) and admins
          new Rule("*", "/beheer/e-mail", Audience.ACCOUNTMANAGERS),
          new Rule("POST", "/beheer/e-mail/alles-opnieuw", Audience.ADMINS),
          new Rule("POST", "/beheer/e-mail/wachtende-nu", Audience.ADMINS),
          new Rule("POST", "/beheer/e-mail/**", Audience.ACCOUNTMANAGERS),
          // the criteria trial: a candidate decision table tried on past audits, nothing stored
          new Rule("*", "/beheer/criteria", Audience.PROCESS_OWNERS),
          // the go-live import
          new Rule("*", "/beheer/regios", Audience.ADMINS),
          new Rule("POST", "/beheer/regios/*/logo", Audience.ADMINS),
          new Rule("*", "/beheer/import", Audience.ADMINS),
          new Rule("*", "/beheer/import/**", Audience.ADMINS),
          // the project's REST operations
          new Rule("GET", "/engine-rest/werkpact/certificaten/*", Audience.STAFF),
          new Rule(
              "POST", "/engine-rest/werkpact/correspondentie/*/opnieuw", Audience.ACCOUNTMANAGERS),
          new Rule("POST", "/engine-rest/werkpact/keurmerken/*/intrekking", Audience.COMMITTEE),
          new Rule("POST", "/engine-rest/werkpact/keurmerken/*/schorsing", Audience.COMMITTEE),
          new Rule(
              "POST", "/engine-rest/werkpact/keurmerken/*/schorsing/opheffen", Audience.COMMITTEE),
          new Rule("*", "/engine-rest/werkpact/migration/*", Audience.PROCESS_OWNERS));

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private AccessPolicy() {}

  /** The rule for this request; empty: closed to everyone. */
  public static Optional<Rule> ruleFor(String method, String path) {
    String plain =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return RULES.stream()
        .filter(
            rule ->
                (rule.method().equals("*") || rule.method().equalsIgnoreCase(method))
                    && PATHS.match(rule.pattern(), plain))
        .findFirst();
  }

  /** What a page without a rule answers. */
  public static final String CLOSED =
      "Deze pagina of handeling is niet open: er is geen regel die zegt wie haar mag gebruiken.";
}
