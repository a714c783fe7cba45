package nl.werkpact.keurmerk.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mvn verify} fails, naming file and element, when a model in bpmn/ or a form in forms/ breaks a rule. */
class ModelChecksTest {

  private static final ProcessCatalog CODE = ProcessCatalog.scan(ProcessCatalog.BASE_PACKAGE);

  /** What current models may name: the beans marked @CalledFromModels, without those only older versions name. */
  private static final Map<String, Class<?>> BEANS =
      ProcessBeans.current(ProcessCatalog.BASE_PACKAGE);

  @Test
  void everyBeanMarkedForModelsIsNamedByAShippedModelAndNoOtherBeanIsCallable() throws Exception {
    String models =
        String.join(
            "\n",
            ModelChecks.filesIn(Path.of("bpmn"), Path.of("forms")).values().stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .toList());
    var named =
        Pattern.compile("\\$\\{\\s*([A-Za-z]\\w*)")
            .matcher(models)
            .results()
            .map(m -> m.group(1))
            .collect(Collectors.toSet());
    var all = ProcessBeans.scan(ProcessCatalog.BASE_PACKAGE);

    assertThat(named).as("beans the shipped models name").containsAll(BEANS.keySet());
    assertThat(all.keySet())
        .as("beans only older model versions name")
        .containsAll(BEANS.keySet())
        .filteredOn(name -> !BEANS.containsKey(name))
        .containsExactlyInAnyOrder("queueReminderDelegate", "sendQueuedMailDelegate")
        .allSatisfy(name -> assertThat(named).doesNotContain(name));
    // A component that sits beside the delegates without the annotation is no model's to call.
    assertThat(all)
        .doesNotContainKey("importedValidityPeriods")
        .doesNotContainKey("keurmerkWithdrawals");
  }

  @Test
  void aModelNamingAComponentThatIsNotMarkedForModelsIsRefused() throws Exception {
    String model = Files.readString(Path.of("bpmn", "KeurmerkValidity.bpmn"));
    String reaching = model.replace("${recordExpiryDelegate}", "${importedValidityPeriods}");
    assertThat(reaching).isNotEqualTo(model);
    var checks =
        new ModelChecks(
            Map.of("KeurmerkValidity.bpmn", reaching.getBytes(StandardCharsets.UTF_8)),
            form -> false,
            decision -> true,
            BEANS,
            key -> CODE.variables(key).orElse(null));

    assertThat(checks.run())
        .anySatisfy(problem -> assertThat(problem).contains("'importedValidityPeriods'"));
  }

  @Test
  void theModelsPassEveryCheck() throws Exception {
    var checks =
        new ModelChecks(
            ModelChecks.filesIn(Path.of("bpmn"), Path.of("forms")),
            form -> false,
            decision -> false,
            BEANS,
            key -> CODE.variables(key).orElse(null));

    assertThat(checks.run()).isEmpty();
    assertThat(checks.messageNames())
        .as("message names in the models and in the code")
        .isEqualTo(CODE.messages());
    assertThat(CODE.decisionKeys())
        .isNotEmpty()
        .allSatisfy(decision -> assertThat(Path.of("bpmn", decision + ".dmn")).exists());
  }

  @Test
  void aReminderPeriodThatIsNoPeriodIsRefusedBeforeItIsDeployed() throws Exception {
    String model = Files.readString(Path.of("bpmn", "KeurmerkReminders.bpmn"));
    String typo = model.replace(">P30D<", ">30 dagen<");
    assertThat(typo).isNotEqualTo(model);
    var checks =
        new ModelChecks(
            Map.of("KeurmerkReminders.bpmn", typo.getBytes(StandardCharsets.UTF_8)),
            form -> false,
            decision -> false,
            BEANS,
            key -> CODE.variables(key).orElse(null));

    assertThat(checks.run())
        .containsExactly(
            "KeurmerkReminders.bpmn Task_QueueDueReminders: invoerparameter renewalSecondBefore is "
                + "'30 dagen', geen periode: schrijf haar als ISO 8601, bijvoorbeeld P90D (90 dagen), P6W (6 weken) of P1M (een maand)");
  }

  @Test
  void aDueDateThatIsNoPeriodIsRefusedBeforeItIsDeployed() throws Exception {
    String model = Files.readString(Path.of("bpmn", "Convenant.bpmn"));
    String typo = model.replace("camunda:dueDate=\"P4W\"", "camunda:dueDate=\"4 weken\"");
    assertThat(typo).isNotEqualTo(model);
    var checks =
        new ModelChecks(
            Map.of("Convenant.bpmn", typo.getBytes(StandardCharsets.UTF_8)),
            form -> true,
            decision -> false,
            BEANS,
            key -> CODE.variables(key).orElse(null));

    assertThat(checks.run())
        .containsExactly(
            "Convenant.bpmn Task_Intake: de vervaldatum (camunda:dueDate) is '4 weken', geen periode: schrijf hoe lang"
                + " de taak mag duren als ISO 8601, bijvoorbeeld P4W (4 weken) of P10D (10 dagen)");
  }

  @Test
  void everyTaskOfTheProductsModelsHasADueDateAndAPlainLabel() throws Exception {
    for (String file :
        List.of(
            "Convenant.bpmn",
            "KeurmerkAudit.bpmn",
            "KeurmerkDecision.bpmn",
            "KeurmerkCeremony.bpmn")) {
      var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(Path.of("bpmn", file).toFile());
      for (var task :
          model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
        assertThat(task.getName()).as(file + " " + task.getId()).doesNotContain("${");
        boolean dueFromPlanning =
            task.getId().equals("Task_PerformAudit")
                && Files.readString(Path.of("bpmn", file)).contains("dueAfterAuditDate");
        assertThat(task.getCamundaDueDate() != null || dueFromPlanning)
            .as(file + " " + task.getId() + " has a due date")
            .isTrue();
      }
    }
  }

  @Test
  void everyFormInFormsIsUsedAndNamedAfterItsId() throws Exception {
    try (var forms = Files.list(Path.of("forms"))) {
      var unused =
          forms
              .map(f -> f.getFileName().toString().replace(".form", ""))
              .filter(
                  id -> {
                    try (var models = Files.list(Path.of("bpmn"))) {
                      return models.noneMatch(
                          m -> read(m).contains("camunda:formRef=\"" + id + "\""));
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .toList();
      assertThat(unused).as("forms no model refers to").isEmpty();
    }
  }

  @Test
  void aBrokenModelIsReportedWithFileAndElement() throws Exception {
    Path root = Path.of("src/test/resources/model-checks/broken");
    var checks =
        new ModelChecks(
            ModelChecks.filesIn(root.resolve("bpmn"), root.resolve("forms")),
            form -> false,
            decision -> false,
            BEANS,
            key -> key.equals("Broken") ? Set.of("known") : null);

    assertThat(checks.run())
        .containsExactlyInAnyOrder(
            "Broken.bpmn Activity_0abc12d: heeft nog een gegenereerde id: geef het een naam die zegt wat het is",
            "Broken.bpmn (bestand): heeft geen diagram (BPMN DI): Camunda Modeler zou het leeg tonen",
            "Broken.bpmn Broken: heeft geen camunda:historyTimeToLive (bewaartermijn)",
            "Broken.bpmn Activity_0abc12d: verwijst naar formulier 'NoSuchForm', maar forms/NoSuchForm.form bestaat niet",
            "Broken.bpmn Activity_0abc12d: gebruikerstaak zonder kandidaatgroep (camunda:candidateGroups)",
            "Broken.bpmn Task_Check: verwijst naar beslissing 'NoSuchDecision', maar bpmn/NoSuchDecision.dmn bestaat niet",
            "Broken.bpmn Task_Review: gebruikerstaak zonder kandidaatgroep (camunda:candidateGroups)",
            "BrokenForm.form Field_unknown: veldsleutel 'unknownField' is geen gegeven dat het proces leest of schrijft",
            "Broken.bpmn Task_Send: expressie verwijst naar 'noSuchDelegate', dat geen taak van het project en geen gegeven van het proces is",
            "Unparsable.bpmn (bestand): is geen veilig leesbaar XML-bestand (een DOCTYPE of entiteit is niet toegestaan): "
                + "XML document structures must start and end within the same entity.");
    assertThat(checks.messageNames()).containsExactly("NoSuchMessage");
  }

  @Test
  void aModelThatReachesOutsideTheProcessBeansAndVariablesIsReported() throws Exception {
    Path root = Path.of("src/test/resources/model-checks/unsafe");
    var checks =
        new ModelChecks(
            ModelChecks.filesIn(root.resolve("bpmn"), root.resolve("forms")),
            form -> false,
            decision -> false,
            BEANS,
            key -> CODE.variables(key).orElse(null));

    var problems = checks.run();

    assertThat(problems)
        .anyMatch(p -> p.startsWith("Unsafe.bpmn Task_Class: class=\"java.lang.Runtime\""))
        .anyMatch(p -> p.startsWith("Unsafe.bpmn Task_Script: <scriptTask> is geen onderdeel"))
        .anyMatch(p -> p.startsWith("Unsafe.bpmn Task_Script: scriptFormat="))
        .anyMatch(
            p ->
                p.startsWith(
                    "Unsafe.bpmn Task_GetClass: expressie ${employerName.getClass().forName('java.lang.Runtime')} roept een methode aan van iets anders"))
        .anyMatch(
            p ->
                p.startsWith(
                    "Unsafe.bpmn Task_Engine: expressie ${execution.processEngineServices.runtimeService} leest een eigenschap"))
        .anyMatch(
            p ->
                p.startsWith(
                    "Unsafe.bpmn Task_DataSource: expressie ${dataSource.connection} leest een eigenschap"))
        .anyMatch(
            p ->
                p.startsWith(
                    "Unsafe.bpmn Task_BeanClass: expressie ${registerIntentDelegate.getClass()} roept registerIntentDelegate.getClass aan; dat is geen openbare methode"))
        .anyMatch(
            p ->
                p.startsWith(
                    "Unsafe.bpmn Task_Bracket: expressie ${registerIntentDelegate['class']} leest een eigenschap"))
        .anyMatch(p -> p.startsWith("Unsafe.bpmn Flow_Condition: language=\"groovy\""))
        .anyMatch(
            p ->
                p.startsWith(
                    "UnsafeCriteria.dmn InputExpression_Juel: expressionLanguage=\"juel\": beslissingen gebruiken alleen FEEL"))
        .noneMatch(p -> p.contains("Task_Allowed"));
  }

  // --- the allowlists: what a procesbeheerder's deployment may and may not do
  // --------------------------------

  private static final ModelChecks.Reference OWN = ownReference();

  private static ModelChecks.Reference ownReference() {
    try {
      return ModelChecks.referenceOf(
          ModelChecks.filesIn(Path.of("bpmn")), BEANS, key -> CODE.variables(key).orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The problems of one changed model of bpmn/, checked as a deployment is: against the product's own models. */
  private static List<String> deployed(String file, String content) {
    return new ModelChecks(
            Map.of(file, content.getBytes(StandardCharsets.UTF_8)),
            form -> true,
            decision -> true,
            BEANS,
            key -> CODE.variables(key).orElse(null))
        .knowing(CODE.allVariables())
        .against(OWN)
        .run();
  }

  private static String model(String file) {
    return read(Path.of("bpmn", file));
  }

  @Test
  void theProductsOwnModelsPassAgainstThemselvesAsADeploymentWould() throws Exception {
    var checks =
        new ModelChecks(
                ModelChecks.filesIn(Path.of("bpmn"), Path.of("forms")),
                form -> false,
                decision -> false,
                BEANS,
                key -> CODE.variables(key).orElse(null))
            .knowing(CODE.allVariables())
            .against(OWN);
    assertThat(checks.run()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "expressionLanguage='juel'",
        "expressionLanguage=\"feel-juel\"",
        "expressionLanguage = \"JavaScript\"",
        "typeLanguage='groovy'"
      })
  void aDecisionInAnyOtherLanguageThanFeelIsRefusedHoweverTheAttributeIsWritten(String attribute) {
    String criteria =
        model("KeurmerkCriteria.dmn")
            .replace(
                "<inputExpression id=\"Input_ExtraWorkplaces_Expression\"",
                "<inputExpression " + attribute + " id=\"Input_ExtraWorkplaces_Expression\"");
    assertThat(deployed("KeurmerkCriteria.dmn", criteria))
        .anyMatch(
            p ->
                p.startsWith("KeurmerkCriteria.dmn Input_ExtraWorkplaces_Expression: ")
                    && p.endsWith("beslissingen gebruiken alleen FEEL"));
  }

  @Test
  void aTypoInARuleIsRefusedNamingTheRuleAndTheColumn() {
    String criteria =
        model("KeurmerkCriteria.dmn")
            .replace(
                "<inputEntry id=\"Rule_AwardOnShare_In1\"><text>&gt;= 1</text>",
                "<inputEntry id=\"Rule_AwardOnShare_In1\"><text>&gt;= vier</text>");
    assertThat(deployed("KeurmerkCriteria.dmn", criteria))
        .containsExactly(
            "KeurmerkCriteria.dmn regel 1 (Rule_AwardOnShare): kolom "
                + "'Extra werkplekken doelgroep': '>= vier' verwijst naar vier, dat geen invoer en geen gegeven van het proces is (bedoelt u "
                + "een getal of een tekst tussen aanhalingstekens?)");
  }

  @Test
  void aRuleThatIsNoFeelIsRefusedNamingTheRuleAndTheColumn() {
    String criteria =
        model("KeurmerkCriteria.dmn")
            .replace(
                "<inputEntry id=\"Rule_AwardOnShare_In2\"><text>&gt;= 5</text>",
                "<inputEntry id=\"Rule_AwardOnShare_In2\"><text>&gt;= 5 %</text>");
    assertThat(deployed("KeurmerkCriteria.dmn", criteria))
        .singleElement()
        .asString()
        .startsWith(
            "KeurmerkCriteria.dmn regel 1 (Rule_AwardOnShare): kolom 'Aandeel doelgroep (%)': '>= 5 %' is geen geldige FEEL-uitdrukking");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{f: function(x) external {java: {class: \"java.lang.Runtime\", method signature: \"getRuntime()\"}}, r: f(1)}.r",
        "{f: function(x) x + 1, r: f(1)}.r"
      })
  void aFeelFunctionDefinitionIsRefused(String entry) {
    String criteria =
        model("KeurmerkCriteria.dmn")
            .replace(
                "<outputEntry id=\"Rule_AwardOnShare_Outcome\"><text>\"TOEKENNEN\"</text>",
                "<outputEntry id=\"Rule_AwardOnShare_Outcome\"><text>"
                    + entry.replace("\"", "&quot;")
                    + "</text>");
    assertThat(deployed("KeurmerkCriteria.dmn", criteria))
        .isNotEmpty()
        .allMatch(
            p ->
                p.startsWith(
                    "KeurmerkCriteria.dmn regel 1 (Rule_AwardOnShare): uitkomst 'Uitkomst': "))
        .anyMatch(
            p ->
                p.contains("definieert een functie")
                    || p.contains("External functions are disabled"));
  }

  @Test
  void aModelWithADoctypeOrEntitiesIsRefused() {
    String convenant =
        model("Convenant.bpmn")
            .replaceFirst("\\?>", "?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
    assertThat(deployed("Convenant.bpmn", convenant))
        .singleElement()
        .asString()
        .startsWith(
            "Convenant.bpmn (bestand): is geen veilig leesbaar XML-bestand (een DOCTYPE of entiteit is niet toegestaan)");
  }

  @Test
  void aProcessStartedByATimerItDoesNotBelongToIsRefused() {
    String withdrawal =
        model("KeurmerkWithdrawal.bpmn")
            .replace(
                "<bpmn:outgoing>Flow_ToReviewWithdrawal</bpmn:outgoing>\n    </bpmn:startEvent>",
                "<bpmn:outgoing>Flow_ToReviewWithdrawal</bpmn:outgoing><bpmn:timerEventDefinition id=\"TimerEventDefinition_Daily\">"
                    + "<bpmn:timeCycle>R/PT24H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>");
    assertThat(deployed("KeurmerkWithdrawal.bpmn", withdrawal))
        .contains(
            "KeurmerkWithdrawal.bpmn StartEvent_WithdrawalRequested: start op "
                + "een timer; KeurmerkWithdrawal start alleen met de hand (of aangeroepen)");
  }

  @Test
  void aDelegateUsedAtAnotherStepThanItsOwnIsRefused() {
    String convenant =
        model("Convenant.bpmn")
            .replace(
                "camunda:delegateExpression=\"${registerIntentDelegate}\"",
                "camunda:delegateExpression=\"${withdrawKeurmerkDelegate}\"");
    assertThat(deployed("Convenant.bpmn", convenant))
        .anyMatch(
            p ->
                p.contains(
                    "${withdrawKeurmerkDelegate} hoort bij "
                        + "KeurmerkWithdrawal/Task_WithdrawKeurmerk en mag nergens anders staan"));
  }

  @Test
  void fixedInputsOnAStepThatHasNoneAreRefused() {
    String withdrawal =
        model("KeurmerkWithdrawal.bpmn")
            .replace(
                "<bpmn:incoming>Flow_Confirmed</bpmn:incoming>",
                "<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"keurmerkNumber\">SW-2026-0001"
                    + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements><bpmn:incoming>Flow_Confirmed</bpmn:incoming>");
    assertThat(deployed("KeurmerkWithdrawal.bpmn", withdrawal))
        .anyMatch(
            p ->
                p.startsWith(
                    "KeurmerkWithdrawal.bpmn Task_WithdrawKeurmerk: "
                        + "invoerparameter(s) keurmerkNumber horen niet bij deze stap"));
  }

  @Test
  void aHistoryTimeToLiveBelowTheProductsOwnIsRefused() {
    String validity =
        model("KeurmerkValidity.bpmn")
            .replace("camunda:historyTimeToLive=\"3650\"", "camunda:historyTimeToLive=\"0\"");
    assertThat(deployed("KeurmerkValidity.bpmn", validity))
        .containsExactly(
            "KeurmerkValidity.bpmn KeurmerkValidity: de bewaartermijn "
                + "(camunda:historyTimeToLive) is 0 dagen; voor KeurmerkValidity is dat ten minste 3650 dagen");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"* * * * * ?", "0/1 * * * * ?", "0 0/5 * * * ?", "R/PT1S", "R/PT14M"})
  void aTimerThatRepeatsMoreOftenThanEveryQuarterOfAnHourIsRefused(String cycle) {
    String reminders =
        model("KeurmerkReminders.bpmn").replace(">0 0/15 * * * ?<", ">" + cycle + "<");
    assertThat(deployed("KeurmerkReminders.bpmn", reminders))
        .singleElement()
        .asString()
        .contains("timercyclus '" + cycle + "' loopt vaker dan eens per 15 minuten");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"0 0/30 * * * ?", "0 0 9 * * ?", "R/PT15M", "R/P1D"})
  void aTimerEveryQuarterOfAnHourOrLessOftenIsAccepted(String cycle) {
    String reminders =
        model("KeurmerkReminders.bpmn").replace(">0 0/15 * * * ?<", ">" + cycle + "<");
    assertThat(deployed("KeurmerkReminders.bpmn", reminders)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "camunda:type=\"external\" camunda:topic=\"x\"",
        "camunda:class=\"java.lang.Runtime\"",
        "camunda:formKey=\"embedded:app:x.html\"",
        "camunda:jobPriority=\"1\""
      })
  void camundaAttributesOutsideTheListAreRefused(String attribute) {
    String withdrawal =
        model("KeurmerkWithdrawal.bpmn")
            .replace(
                "<bpmn:serviceTask id=\"Task_WithdrawKeurmerk\"",
                "<bpmn:serviceTask " + attribute + " id=\"Task_WithdrawKeurmerk\"");
    assertThat(deployed("KeurmerkWithdrawal.bpmn", withdrawal))
        .anyMatch(p -> p.startsWith("KeurmerkWithdrawal.bpmn Task_WithdrawKeurmerk: "));
  }

  @Test
  void signalsAndScriptsAreRefusedAsElementsTheProductDoesNotUse() {
    String withdrawal =
        model("KeurmerkWithdrawal.bpmn")
            .replace(
                "</bpmn:process>", "<bpmn:signal id=\"Signal_All\" name=\"all\" /></bpmn:process>");
    assertThat(deployed("KeurmerkWithdrawal.bpmn", withdrawal))
        .anyMatch(p -> p.contains("<signal> is geen onderdeel dat dit product gebruikt"));
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
