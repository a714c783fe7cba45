package nl.werkpact.keurmerk.audit.process;

import java.util.Map;
import java.util.Set;

/**
 * Everything the code knows about {@code bpmn/KeurmerkCeremony.bpmn}: the accountmanager plans the ceremony of an
 * awarded keurmerk, called by the keurmerkaudit (CallActivity_PlanCeremony, which the message CeremonyCancelled
 * interrupts). A process of its own so that task rights are granted per process definition: accountmanagers read
 * and work on these tasks, no other group does (identity/RoleAuthorizations).
 */
public final class KeurmerkCeremonyProcess {

  public static final String PROCESS_KEY = "KeurmerkCeremony";

  public static final class Elements {
    public static final String START_EVENT_KEURMERK_AWARDED = "StartEvent_KeurmerkAwarded";
    public static final String TASK_PLAN_CEREMONY =
        KeurmerkAuditProcess.Elements.TASK_PLAN_CEREMONY;
    public static final String END_EVENT_CEREMONY_PLANNED = "EndEvent_CeremonyPlanned";

    private Elements() {}
  }

  public static final class Vars {
    public static final String EMPLOYER_NAME = KeurmerkAuditProcess.Vars.EMPLOYER_NAME;
    public static final String KVK_NUMBER = KeurmerkAuditProcess.Vars.KVK_NUMBER;
    public static final String KEURMERK_NUMBER = KeurmerkAuditProcess.Vars.KEURMERK_NUMBER;
    public static final String CEREMONY_DATE = KeurmerkAuditProcess.Vars.CEREMONY_DATE;
    public static final String CEREMONY_LOCATION = KeurmerkAuditProcess.Vars.CEREMONY_LOCATION;

    private Vars() {}
  }

  /** What the accountmanager submits (engine/CommandGuard): date and place. */
  public static final Map<String, Set<String>> TASK_INPUTS =
      Map.of(Elements.TASK_PLAN_CEREMONY, Set.of(Vars.CEREMONY_DATE, Vars.CEREMONY_LOCATION));

  private KeurmerkCeremonyProcess() {}
}
