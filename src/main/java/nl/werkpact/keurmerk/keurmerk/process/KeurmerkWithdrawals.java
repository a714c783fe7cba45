package nl.werkpact.keurmerk.keurmerk.process;

import nl.werkpact.keurmerk.common.Checks;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.common.Texts;
import nl.werkpact.keurmerk.employer.EmployerService;
import nl.werkpact.keurmerk.identity.AsSystem;
import nl.werkpact.keurmerk.keurmerk.Keurmerk;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLifecycle;
import nl.werkpact.keurmerk.keurmerk.KeurmerkNumber;
import nl.werkpact.keurmerk.keurmerk.KeurmerkRepository;
import nl.werkpact.keurmerk.keurmerk.KeurmerkStatus;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The keurmerkcommissie withdraws a keurmerk by its number (SW-2026-0001, as the e-mails and the certificate
 * show it), with a mandatory reason. This is the one way in: the committee has no permission on the validity
 * instances themselves, so it cannot move their timers or send them other messages. The caller's role is
 * checked by the operation that calls this ({@link KeurmerkWithdrawalResource}); the message is then sent by
 * the system, to the instance bound to the keurmerk's record.
 */
@Service
public class KeurmerkWithdrawals {

  private static final Logger LOG = LoggerFactory.getLogger(KeurmerkWithdrawals.class);

  private final KeurmerkRepository keurmerken;
  private final KeurmerkLifecycle lifecycle;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final EmployerService employers;

  public KeurmerkWithdrawals(
      KeurmerkRepository keurmerken,
      KeurmerkLifecycle lifecycle,
      RuntimeService runtime,
      IdentityService identity,
      EmployerService employers) {
    this.employers = employers;
    this.keurmerken = keurmerken;
    this.lifecycle = lifecycle;
    this.runtime = runtime;
    this.identity = identity;
  }

  /** What the confirmation shows: whose keurmerk it is and how long it is valid. */
  public record Review(Keurmerk keurmerk, String employerName, String kvkNumber) {}

  /**
   * Whether the keurmerk can be withdrawn with this reason, without changing anything: a Dutch refusal for an unknown
   * number, a missing reason, a keurmerk that is not valid or has no running validity period.
   */
  public Review review(String number, String reason) {
    Keurmerk keurmerk = withdrawable(number, reason);
    var employer = employers.get(keurmerk.employerId());
    return new Review(keurmerk, employer.name(), employer.kvkNumber());
  }

  /** Withdraws the keurmerk; a Dutch refusal for an unknown number, a missing reason or a keurmerk that is not valid. */
  public Keurmerk withdraw(String number, String reason, String withdrawnBy) {
    Keurmerk keurmerk = withdrawable(number, reason);
    // From here the system acts: the committee has no permission on the validity instances
    // themselves.
    AsSystem.run(
        identity,
        () ->
            runtime
                .createMessageCorrelation(KeurmerkValidityProcess.MESSAGE_KEURMERK_WITHDRAWN)
                .processInstanceId(period(keurmerk).getId())
                .setVariable(KeurmerkValidityProcess.Vars.WITHDRAWAL_REASON, Checks.trimmed(reason))
                .setVariable(KeurmerkValidityProcess.Vars.WITHDRAWN_BY, withdrawnBy)
                .correlate());
    LOG.info("Keurmerk {} withdrawn by {}", keurmerk.number(), withdrawnBy);
    return lifecycle.get(keurmerk.id());
  }

  private Keurmerk withdrawable(String number, String reason) {
    String normalized = KeurmerkNumber.normalize(number);
    Keurmerk keurmerk =
        keurmerken
            .findByNumber(normalized)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "Keurmerknummer "
                            + (normalized.isEmpty() ? "(leeg)" : normalized)
                            + " is onbekend. Een keurmerknummer ziet eruit als "
                            + KeurmerkNumber.EXAMPLE
                            + "."));
    if (reason != null && Texts.hasForbiddenCharacters(reason, true)) {
      throw new InvalidRequestException(Texts.refusal("Reden van intrekking"));
    }
    lifecycle.validateWithdrawal(keurmerk.id(), reason);
    AsSystem.run(identity, () -> period(keurmerk));
    return keurmerk;
  }

  /** The running validity period of the keurmerk; a Dutch refusal when it has none. */
  private ProcessInstance period(Keurmerk keurmerk) {
    ProcessInstance period = validityInstance(keurmerk);
    if (period == null) {
      throw new InvalidRequestException(
          keurmerk.status() == KeurmerkStatus.RENEWED
              ? "Keurmerk "
                  + keurmerk.number()
                  + " is al verlengd; trek het keurmerk van de nieuwe periode in."
              : "Keurmerk "
                  + keurmerk.number()
                  + " heeft geen lopende geldigheidsperiode en kan niet worden ingetrokken.");
    }
    return period;
  }

  private ProcessInstance validityInstance(Keurmerk keurmerk) {
    if (keurmerk.validityProcessInstanceId() != null) {
      return runtime
          .createProcessInstanceQuery()
          .processInstanceId(keurmerk.validityProcessInstanceId())
          .singleResult();
    }
    // Awarded before instances were bound to their keurmerk: the award set the business key.
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(KeurmerkValidityProcess.PROCESS_KEY)
        .processInstanceBusinessKey(String.valueOf(keurmerk.id()))
        .singleResult();
  }
}
