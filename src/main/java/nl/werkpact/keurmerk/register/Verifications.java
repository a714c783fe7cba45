package nl.werkpact.keurmerk.register;

import java.time.LocalDate;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.keurmerk.KeurmerkNumber;
import org.springframework.stereotype.Component;

/**
 * What the register says of one keurmerk number: geldig, verlengd maar nog niet ingegaan, verlopen, ingetrokken or
 * onbekend, with the Dutch sentence that says it. The verification page, its JSON and the holder's badge all answer
 * from here, so they never disagree.
 */
@Component
public class Verifications {

  private final KeurmerkRegister register;

  Verifications(KeurmerkRegister register) {
    this.register = register;
  }

  /** The answer for one number: its state and the sentence that says it. */
  public record Verdict(
      String state, String title, String sentence, KeurmerkRegister.Entry entry) {}

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
