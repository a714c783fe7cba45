package nl.werkpact.keurmerk.mail;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nl.werkpact.keurmerk.identity.AsSystem;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * An e-mail that waits for a person is an incident of type {@value #TYPE} on the process instance that queued it (at
 * the step the instance waits in), as long as that instance runs: Cockpit shows it with the e-mail's number,
 * recipient, subject and the server's answer, and where to fix it. The incident is resolved when an operator sends
 * the e-mail again or closes it (a resend that fails again opens a new one). An e-mail of an ended instance is on
 * Beheer, E-mail only: Camunda has no incident without a running instance. The engine is asked as the system,
 * whoever pressed the button.
 */
final class EngineMailIncidents implements MailIncidents {

  static final String TYPE = "werkpactEmail";
  private static final Logger LOG = LoggerFactory.getLogger(EngineMailIncidents.class);

  private final ObjectProvider<ProcessEngine> engine;

  EngineMailIncidents(ObjectProvider<ProcessEngine> engine) {
    this.engine = engine;
  }

  static String configuration(long mailId) {
    return "correspondence:" + mailId;
  }

  @Override
  public void waiting(Correspondence mail, String what) {
    if (mail.processInstanceId() == null) {
      return;
    }
    asSystem(
        runtime -> {
          if (runtime
                  .createIncidentQuery()
                  .incidentType(TYPE)
                  .configuration(configuration(mail.id()))
                  .count()
              > 0) {
            return;
          }
          // An incident belongs to an execution at an activity: the instance's first waiting step
          // (none: it has ended).
          ActivityInstance tree = runtime.getActivityInstance(mail.processInstanceId());
          Optional<String> execution = tree == null ? Optional.empty() : waitingExecution(tree);
          if (execution.isEmpty()) {
            return;
          }
          String message =
              "E-mail "
                  + mail.id()
                  + " aan "
                  + mail.recipient()
                  + " ("
                  + mail.subject()
                  + ") "
                  + what
                  + ". Verstuur opnieuw of sluit af bij Beheer, E-mail die wacht (/beheer/e-mail).";
          runtime.createIncident(
              TYPE,
              execution.get(),
              configuration(mail.id()),
              CorrespondenceRepository.abbreviate(message, 3000));
        },
        "No incident in Cockpit for e-mail " + mail.id() + " (it is on Beheer, E-mail)");
  }

  private static Optional<String> waitingExecution(ActivityInstance instance) {
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      Optional<String> found = waitingExecution(child);
      if (found.isPresent()) {
        return found;
      }
    }
    TransitionInstance[] transitions = instance.getChildTransitionInstances();
    if (transitions.length > 0) {
      return Optional.of(transitions[0].getExecutionId());
    }
    boolean step =
        instance.getParentActivityInstanceId() != null
            && instance.getChildActivityInstances().length == 0;
    return step && instance.getExecutionIds().length > 0
        ? Optional.of(instance.getExecutionIds()[0])
        : Optional.empty();
  }

  @Override
  public void noLongerWaiting(Collection<Long> mailIds) {
    if (mailIds.isEmpty()) {
      return;
    }
    // One query for all of them: a resend of everything after an outage may name thousands of
    // e-mails.
    Set<String> configurations =
        mailIds.stream().map(EngineMailIncidents::configuration).collect(Collectors.toSet());
    asSystem(
        runtime ->
            runtime.createIncidentQuery().incidentType(TYPE).list().stream()
                .filter(incident -> configurations.contains(incident.getConfiguration()))
                .forEach(incident -> runtime.resolveIncident(incident.getId())),
        "Incidents of " + mailIds.size() + " e-mails not resolved");
  }

  /**
   * Runs the work as the system. Two e-mails of one instance that wait for a person at the same moment (its two
   * reminders, sent by two threads) change the same execution: the one that lost that race tries again, and finds
   * its incident created or creates it then (the work looks before it acts).
   */
  private void asSystem(Consumer<RuntimeService> work, String failure) {
    ProcessEngine processEngine = engine.getIfAvailable();
    if (processEngine == null) {
      return;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        AsSystem.run(
            processEngine.getIdentityService(),
            () -> work.accept(processEngine.getRuntimeService()));
        return;
      } catch (OptimisticLockingException raced) {
        if (attempt == 5) {
          LOG.warn("{}: {}", failure, raced.toString());
          return;
        }
        try {
          Thread.sleep(20L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      } catch (RuntimeException e) {
        LOG.warn("{}: {}", failure, e.toString());
        return;
      }
    }
  }
}
