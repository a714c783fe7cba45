package nl.werkpact.keurmerk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Elements;
import nl.werkpact.keurmerk.convenant.process.ConvenantProcess.Vars;
import nl.werkpact.keurmerk.identity.Groups;
import nl.werkpact.keurmerk.support.IntegrationTest;
import nl.werkpact.keurmerk.support.Unique;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node that died holding an e-mail: the e-mail stays claimed by it until the claim's lease runs out, and then another
 * node sends it, within a minute of the crash, once. Real time (the lease is real time), waited for on the e-mail's
 * state with a deadline.
 */
class ClaimTakeoverIT extends IntegrationTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired MailDispatcher dispatcher;

  @Test
  void theEmailOfADeadNodeIsTakenOverWithinAMinuteAndSentOnce() throws Exception {
    String kvk = Unique.kvk();
    String recipient = "overname." + kvk + "@takeover.example";
    long lockMillis = dispatcher.settings().lease().toMillis();

    // The convenant is signed and its confirmation queued; in the same transaction a node claims
    // the e-mail (as its
    // dispatcher writes a claim) and then dies: nothing of it is sent.
    Instant crash =
        new TransactionTemplate(transactions)
            .execute(
                status -> {
                  identityService.setAuthentication(
                      ACCOUNTMANAGER,
                      List.of(Groups.ACCOUNTMANAGERS),
                      List.of(nl.werkpact.keurmerk.support.TestUsers.REGION));
                  try {
                    String pi =
                        runtimeService
                            .startProcessInstanceByKey(
                                ConvenantProcess.PROCESS_KEY,
                                kvk,
                                Map.of(
                                    Vars.EMPLOYER_NAME,
                                    "Overname BV " + kvk,
                                    Vars.KVK_NUMBER,
                                    kvk,
                                    Vars.ADDRESS,
                                    "Markt 1",
                                    Vars.MUNICIPALITY,
                                    "Schiedam",
                                    Vars.CONTACT_PERSON,
                                    "Olga",
                                    Vars.CONTACT_EMAIL,
                                    recipient))
                            .getId();
                    complete(
                        pi,
                        Elements.TASK_INTAKE,
                        Map.of(
                            Vars.INTAKE_DATE,
                            LocalDate.now().minusDays(10).toString(),
                            Vars.INTAKE_NOTES,
                            "Intake",
                            Vars.INTENDED_WORKPLACES,
                            2));
                    complete(
                        pi,
                        Elements.TASK_RECORD_SIGNING,
                        Map.of(
                            Vars.SIGNING_OUTCOME,
                            ConvenantProcess.SigningOutcome.SIGNED.name(),
                            Vars.SIGNED_DATE,
                            LocalDate.now().minusDays(5).toString(),
                            Vars.SIGNED_BY,
                            "Olga"));
                    Instant now = Instant.now();
                    int claimed =
                        jdbc.sql(
                                "UPDATE correspondence SET claimed_by = 'dead-node#1', claimed_until = ? WHERE recipient = ?")
                            .params(now.plusMillis(lockMillis).atOffset(ZoneOffset.UTC), recipient)
                            .update();
                    assertThat(claimed)
                        .as("the confirmation claimed by the dead node")
                        .isEqualTo(1);
                    return now;
                  } finally {
                    identityService.clearAuthentication();
                  }
                });

    Instant deadline = crash.plus(Duration.ofSeconds(90));
    OffsetDateTime sentAt = null;
    while (sentAt == null && Instant.now().isBefore(deadline)) {
      sentAt =
          jdbc.sql("SELECT sent_at FROM correspondence WHERE recipient = ? AND status = 'SENT'")
              .param(recipient)
              .query(OffsetDateTime.class)
              .optional()
              .orElse(null);
      if (sentAt == null) {
        SMTP.waitForIncomingEmail(500, SMTP.getReceivedMessages().length + 1);
      }
    }

    assertThat(sentAt).as("the confirmation was sent by the live node").isNotNull();
    Duration resumed = Duration.between(crash, sentAt.toInstant());
    System.out.printf(
        "E-mail of a dead node taken over: sent %.1f s after the crash (lease %d s)%n",
        resumed.toMillis() / 1000.0, lockMillis / 1000);
    assertThat(resumed)
        .as("not before the dead node's claim ran out")
        .isGreaterThanOrEqualTo(Duration.ofMillis(lockMillis).minusSeconds(1))
        .as("within a minute of the crash")
        .isLessThan(Duration.ofSeconds(60));
    assertThat(awaitMailTo(recipient)).isNotNull();
    assertThat(
            Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> recipientOf(m).equals(recipient))
                .count())
        .isEqualTo(1);
  }

  private void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
    String task =
        taskService
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskKey)
            .singleResult()
            .getId();
    taskService.claim(task, ACCOUNTMANAGER);
    taskService.complete(task, variables);
  }

  private static String recipientOf(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
