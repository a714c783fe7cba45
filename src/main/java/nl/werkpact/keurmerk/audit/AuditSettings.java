package nl.werkpact.keurmerk.audit;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code werkpact.audit.*}: the scheme's waiting periods and renewal window (ISO-8601 periods, {@code P6M} is six
 * months).
 *
 * @param waitingPeriodAfterRejection how long after a rejected audit an employer may ask for the next
 * @param waitingPeriodAfterWithdrawal how long after a withdrawn keurmerk an employer may ask for a new audit
 * @param renewalWindow how long before the end of its validity a keurmerk may be renewed
 */
@ConfigurationProperties("werkpact.audit")
public record AuditSettings(
    @DefaultValue("P6M") Period waitingPeriodAfterRejection,
    @DefaultValue("P6M") Period waitingPeriodAfterWithdrawal,
    @DefaultValue("P6M") Period renewalWindow) {

  /** The scheme's own periods: six months each. */
  public static AuditSettings defaults() {
    return new AuditSettings(Period.ofMonths(6), Period.ofMonths(6), Period.ofMonths(6));
  }
}
