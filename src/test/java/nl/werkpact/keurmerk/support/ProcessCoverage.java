package nl.werkpact.keurmerk.support;

import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The engine of every process test, with coverage: each process test class covers one BPMN and must pass at
 * least 90 % of its flow nodes and sequence flows, or the build fails. Report: target/process-test-coverage/.
 */
public final class ProcessCoverage {

  public static final double FLOOR = 0.9;

  private ProcessCoverage() {}

  public static ProcessEngineCoverageExtension atLeastNinetyPercent() {
    return (ProcessEngineCoverageExtension)
        ProcessEngineCoverageExtension.Companion.builder("process-test-engine.cfg.xml")
            .assertClassCoverageAtLeast(FLOOR)
            .build();
  }
}
