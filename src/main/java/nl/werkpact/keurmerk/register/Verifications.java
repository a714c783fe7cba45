package nl.werkpact.keurmerk.register;

import java.time.LocalDate;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.keurmerk.KeurmerkNumber;
import nl.werkpact.keurmerk.keurmerk.SuspensionRecords;
import org.springframework.stereotype.Component;

/**
 * What the register says of one keurmerk number: geldig, verlengd maar nog niet ingegaan, geschorst, verlopen,
 * ingetrokken or onbekend, with the Dutch sentence that says it. The verification page, its JSON and the holder's badge all answer
 * from here, so they never disagree.
 */
@Component
public class Verifications {

  private final KeurmerkRegister register;
  private final SuspensionRecords suspensions;

  Verifications(KeurmerkRegister register, SuspensionRecords suspensions) {
    this.register = register;
    this.suspensions = suspensions;
  }

  /** The answer for one number: its state and the sentence that says it. */
  public record Verdict(
      String state,
      String title,
      String sentence,
      KeurmerkRegister.Entry entry,
      SuspensionRecords.Suspension suspension) {

    Verdict(String state, String title, String sentence, KeurmerkRegister.Entry entry) {
      this(state, title, sentence, entry, null);
    }
  }

  public Verdict verdict(String number) {
    String n = KeurmerkNumber.normalize(number);
    if (!KeurmerkNumber.isWellFormed(n)) {
      return new Verdict(
          "ONBEKEND",
          "Onbekend nummer",
          "Een keurmerknummer ziet eruit als "
              + KeurmerkNumber.EXAMPLE
              + "; dit nummer kennen wij niet.",
          null);
    }
    var found = register.keurmerk(n);
    if (found.isEmpty()) {
      return new Verdict(
          "ONBEKEND",
          "Onbekend nummer",
          "Keurmerknummer " + n + " is niet door een Sociaal Werkpact uitgegeven.",
          null);
    }
    var k = found.get();
    LocalDate today = register.today();
    String period =
        "van " + Dates.dutch(k.validFrom()) + " tot en met " + Dates.dutch(k.validUntil());
    if ("WITHDRAWN".equals(k.status())) {
      return new Verdict(
          "INGETROKKEN",
          "Ingetrokken",
          "Het keurmerk van "
              + k.employerName()
              + " is "
              + (k.withdrawnOn() == null ? "" : "op " + Dates.dutch(k.withdrawnOn()) + " ")
              + "ingetrokken en niet meer geldig.",
          k);
    }
    if ("EXPIRED".equals(k.status()) || k.validUntil().isBefore(today)) {
      return new Verdict(
          "VERLOPEN",
          "Verlopen",
          "Het keurmerk van " + k.employerName() + " was geldig " + period + " en is verlopen.",
          k);
    }
    var suspended = suspensions.currentOf(k.number());
    if (suspended.isPresent()) {
      var s = suspended.get();
      return new Verdict(
          "GESCHORST",
          "Geschorst",
          "Het keurmerk van "
              + k.employerName()
              + " is sinds "
              + Dates.dutch(s.since())
              + " geschorst"
              + (s.until() == null
                  ? ", tot de keurmerkcommissie de schorsing opheft"
                  : " tot en met " + Dates.dutch(s.until()))
              + ", en zolang niet geldig.",
          k,
          s);
    }
    if (k.validFrom().isAfter(today)) {
      return new Verdict(
          "NOG_NIET_GELDIG",
          "Verlengd, nog niet ingegaan",
          "Dit keurmerk van "
              + k.employerName()
              + " verlengt het huidige en is geldig "
              + period
              + ".",
          k);
    }
    return new Verdict(
        "GELDIG",
        "Geldig",
        k.employerName()
            + " ("
            + k.municipality()
            + ") is partner in sociaal ondernemen: dit keurmerk is geldig "
            + period
            + ".",
        k);
  }
}
