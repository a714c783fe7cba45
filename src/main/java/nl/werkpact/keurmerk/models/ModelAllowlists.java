package nl.werkpact.keurmerk.models;

import java.util.Set;

/**
 * What a deployed model may hold, as allowlists: the BPMN elements, Camunda's extension elements and attributes, and
 * the namespaces of layout. Anything not named here is refused by {@link ModelChecks}; to let the models use more,
 * add it here, with the reason, and a test in ModelChecksTest.
 */
final class ModelAllowlists {

  private ModelAllowlists() {}

  /** The BPMN elements a model of this product may hold; anything else (scripts, signals, data stores...) is refused. */
  static final Set<String> BPMN_ELEMENTS =
      Set.of(
          "definitions",
          "process",
          "documentation",
          "extensionElements",
          "startEvent",
          "endEvent",
          "sequenceFlow",
          "incoming",
          "outgoing",
          "serviceTask",
          "sendTask",
          "userTask",
          "manualTask",
          "task",
          "businessRuleTask",
          "receiveTask",
          "exclusiveGateway",
          "parallelGateway",
          "inclusiveGateway",
          "eventBasedGateway",
          "boundaryEvent",
          "intermediateCatchEvent",
          "intermediateThrowEvent",
          "callActivity",
          "subProcess",
          "message",
          "messageEventDefinition",
          "timerEventDefinition",
          "timeDate",
          "timeCycle",
          "timeDuration",
          "conditionExpression",
          "condition",
          "conditionalEventDefinition",
          "errorEventDefinition",
          "error",
          "escalation",
          "escalationEventDefinition",
          "terminateEventDefinition",
          "linkEventDefinition",
          "textAnnotation",
          "text",
          "association",
          "group",
          "category",
          "categoryValue",
          "laneSet",
          "lane",
          "flowNodeRef",
          "childLaneSet",
          "collaboration",
          "participant",
          "messageFlow",
          "multiInstanceLoopCharacteristics",
          "loopCardinality",
          "completionCondition");

  /** Camunda's extension elements a model may hold: parameters, listeners that name a project task, properties. */
  static final Set<String> CAMUNDA_ELEMENTS =
      Set.of(
          "inputOutput",
          "inputParameter",
          "outputParameter",
          "in",
          "out",
          "taskListener",
          "executionListener",
          "properties",
          "property",
          "list",
          "value",
          "map",
          "entry",
          "failedJobRetryTimeCycle");

  /** Camunda's attributes a model may use; camunda:class, camunda:type (external tasks), camunda:formKey and the like not. */
  static final Set<String> CAMUNDA_ATTRIBUTES =
      Set.of(
          "asyncBefore",
          "asyncAfter",
          "exclusive",
          "delegateExpression",
          "expression",
          "resultVariable",
          "formRef",
          "formRefBinding",
          "formRefVersion",
          "historyTimeToLive",
          "isStartableInTasklist",
          "versionTag",
          "candidateGroups",
          "candidateStarterGroups",
          "candidateUsers",
          "candidateStarterUsers",
          "assignee",
          "dueDate",
          "followUpDate",
          "priority",
          "calledElementBinding",
          "calledElementVersion",
          "calledElementVersionTag",
          "decisionRef",
          "decisionRefBinding",
          "decisionRefVersion",
          "decisionRefVersionTag",
          "mapDecisionResult",
          "initiator",
          "errorCodeVariable",
          "errorMessageVariable",
          "variableName",
          "variableEvents");

  /** Layout and colour only. */
  static final Set<String> DIAGRAM_NAMESPACES =
      Set.of(
          "http://www.omg.org/spec/BPMN/20100524/DI",
          "http://www.omg.org/spec/DD/20100524/DC",
          "http://www.omg.org/spec/DD/20100524/DI",
          "http://bpmn.io/schema/bpmn/biocolor/1.0",
          "http://www.omg.org/spec/BPMN/non-normative/color/1.0",
          "http://camunda.org/schema/modeler/1.0");
}
