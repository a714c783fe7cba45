package nl.werkpact.keurmerk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code mvn verify} fails, naming file and element, when a model in bpmn/ or a form in forms/ breaks a rule. */
class ModelChecksTest {

  private static final ProcessCatalog CODE = ProcessCatalog.scan("nl.werkpact.keurmerk");
  private static final Map<String, Class<?>> BEANS = ProcessBeans.scan("nl.werkpact.keurmerk");

  @Test
  void theModelsPassEveryCheck() throws Exception {
    var checks = new ModelChecks(ModelChecks.filesIn(Path.of("bpmn"), Path.of("forms")), form -> false, decision -> false, BEANS,
        key -> CODE.variables(key).orElse(null));

    assertThat(checks.run()).isEmpty();
    assertThat(checks.messageNames()).as("message names in the models and in the code").isEqualTo(CODE.messages());
    assertThat(CODE.decisionKeys()).isNotEmpty().allSatisfy(decision -> assertThat(Path.of("bpmn", decision + ".dmn")).exists());
  }

  @Test
  void aReminderPeriodThatIsNoPeriodIsRefusedBeforeItIsDeployed() throws Exception {
    String model = Files.readString(Path.of("bpmn", "KeurmerkReminders.bpmn"));
    String typo = model.replace(">P30D<", ">30 dagen<");
    assertThat(typo).isNotEqualTo(model);
    var checks = new ModelChecks(Map.of("KeurmerkReminders.bpmn", typo.getBytes(java.nio.charset.StandardCharsets.UTF_8)), form -> false,
        decision -> false, BEANS, key -> CODE.variables(key).orElse(null));

    assertThat(checks.run()).containsExactly("KeurmerkReminders.bpmn Task_QueueDueReminders: input parameter renewalSecondBefore is "
        + "'30 dagen', not a period: write it as ISO 8601, e.g. P90D (90 days), P6W (6 weeks) or P1M (a month)");
  }

  @Test
  void everyFormInFormsIsUsedAndNamedAfterItsId() throws Exception {
    try (var forms = Files.list(Path.of("forms"))) {
      var unused = forms.map(f -> f.getFileName().toString().replace(".form", "")).filter(id -> {
        try (var models = Files.list(Path.of("bpmn"))) {
          return models.noneMatch(m -> read(m).contains("camunda:formRef=\"" + id + "\""));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).toList();
      assertThat(unused).as("forms no model refers to").isEmpty();
    }
  }

  @Test
  void aBrokenModelIsReportedWithFileAndElement() throws Exception {
    Path root = Path.of("src/test/resources/model-checks/broken");
    var checks = new ModelChecks(ModelChecks.filesIn(root.resolve("bpmn"), root.resolve("forms")), form -> false, decision -> false, BEANS,
        key -> key.equals("Broken") ? Set.of("known") : null);

    assertThat(checks.run()).containsExactlyInAnyOrder(
        "Broken.bpmn Activity_0abc12d: keeps a generated id: give it a name that says what it is",
        "Broken.bpmn (file): has no diagram (BPMN DI): Camunda Modeler would show it empty",
        "Broken.bpmn Broken: has no camunda:historyTimeToLive",
        "Broken.bpmn Activity_0abc12d: refers to form 'NoSuchForm', but forms/NoSuchForm.form does not exist",
        "Broken.bpmn Activity_0abc12d: user task without a candidate group",
        "Broken.bpmn Task_Check: refers to decision 'NoSuchDecision', which has no bpmn/NoSuchDecision.dmn",
        "Broken.bpmn Task_Review: user task without a candidate group",
        "BrokenForm.form Field_unknown: field key 'unknownField' is a variable the process never reads or writes",
        "Broken.bpmn Task_Send: expression refers to 'noSuchDelegate', which is neither a bean nor a variable of the process",
        "Unparsable.bpmn (file): does not parse: SAXException while parsing input stream");
    assertThat(checks.messageNames()).containsExactly("NoSuchMessage");
  }

  @Test
  void aModelThatReachesOutsideTheProcessBeansAndVariablesIsReported() throws Exception {
    Path root = Path.of("src/test/resources/model-checks/unsafe");
    var checks = new ModelChecks(ModelChecks.filesIn(root.resolve("bpmn"), root.resolve("forms")), form -> false, decision -> false, BEANS,
        key -> CODE.variables(key).orElse(null));

    var problems = checks.run();

    assertThat(problems).anyMatch(p -> p.startsWith("Unsafe.bpmn Task_Class: class=\"java.lang.Runtime\""))
        .anyMatch(p -> p.startsWith("Unsafe.bpmn Task_Script: <scriptTask>"))
        .anyMatch(p -> p.startsWith("Unsafe.bpmn Task_Script: scriptFormat="))
        .anyMatch(p -> p.startsWith("Unsafe.bpmn Task_GetClass: expression ${employerName.getClass().forName('java.lang.Runtime')} calls a method on something else"))
        .anyMatch(p -> p.startsWith("Unsafe.bpmn Task_Engine: expression ${execution.processEngineServices.runtimeService} reads a property"))
        .anyMatch(p -> p.startsWith("Unsafe.bpmn Task_DataSource: expression ${dataSource.connection} reads a property"))
        .anyMatch(p -> p.startsWith("Unsafe.bpmn Task_BeanClass: expression ${registerIntentDelegate.getClass()} calls registerIntentDelegate.getClass, which is not a public method"))
        .anyMatch(p -> p.startsWith("Unsafe.bpmn Task_Bracket: expression ${registerIntentDelegate['class']} reads a property"))
        .anyMatch(p -> p.startsWith("Unsafe.bpmn Flow_Condition: language=\"groovy\""))
        .anyMatch(p -> p.startsWith("UnsafeCriteria.dmn (decision): expressionLanguage=\"juel\""))
        .noneMatch(p -> p.contains("Task_Allowed"));
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
