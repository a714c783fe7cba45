package nl.werkpact.keurmerk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import nl.werkpact.keurmerk.convenant.ConvenantService;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Elements;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.employer.EmployerDetails;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** An employer's intent registered over REST, as Tasklist's start form sends it, and the intake task it waits at. */
public final class Intents {

  private Intents() {}

  /** Starts a Convenant for the employer in Vlaardingen; answers the instance id. */
  public static String start(EngineRest rest, String employerName, String kvk) {
    return start(rest, employerName, kvk, "Vlaardingen");
  }

  /** Starts a Convenant for the employer in this municipality (one of the caller's region); answers the instance id. */
  public static String start(
      EngineRest rest, String employerName, String kvk, String municipality) {
    var started =
        rest.post(
            "/process-definition/key/" + ConvenantProcess.PROCESS_KEY + "/start",
            EngineRest.variables(
                Map.of(
                    Vars.EMPLOYER_NAME,
                    employerName,
                    Vars.KVK_NUMBER,
                    kvk,
                    Vars.ADDRESS,
                    "Industrieweg 4, 3133 KD",
                    Vars.MUNICIPALITY,
                    municipality,
                    Vars.CONTACT_PERSON,
                    "Henk de Vries",
                    Vars.CONTACT_EMAIL,
                    "henk." + kvk + "@werkgever.example")));
    assertThat(started.getStatusCode().value()).as("intent registered").isEqualTo(200);
    return (String) started.getBody().get("id");
  }

  /** The intake the new intent waits at. */
  public static Task intake(TaskService tasks, String processInstanceId) {
    return tasks
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(Elements.TASK_INTAKE)
        .singleResult();
  }

  /**
   * An employer of the first region with a convenant signed five days ago, written through the service (for tests
   * whose subject comes after the convenant).
   */
  public static void signed(
      ConvenantService convenants, String employerName, String kvk, String accountmanager) {
    var registration =
        convenants.registerIntent(
            new EmployerDetails(
                employerName,
                kvk,
                "Kade 1",
                "Schiedam",
                "Els",
                "els." + kvk + "@werkgever.example"),
            accountmanager,
            null);
    convenants.recordIntake(registration.convenantId(), LocalDate.now().minusDays(10), "Intake", 1);
    convenants.recordSigning(registration.convenantId(), LocalDate.now().minusDays(5), "Els", null);
  }
}
