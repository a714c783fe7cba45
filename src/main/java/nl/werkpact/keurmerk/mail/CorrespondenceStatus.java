package nl.werkpact.keurmerk.mail;

public enum CorrespondenceStatus {
  /** Queued with the change that caused it; the dispatcher sends it (mail/MailDispatcher). */
  PENDING("In de wachtrij"),
  SENT("Verzonden"),
  /**
   * The last attempt failed for a passing reason (server away, 4xx, timeout), with the reason. The dispatcher tries
   * again after a growing delay; after the last retry it gives up and the e-mail waits for a person (Beheer, E-mail).
   */
  FAILED("Mislukt, wordt opnieuw geprobeerd"),
  /** The mail server refused it for good (5xx, a malformed address): not retried; an operator corrects the address. */
  UNDELIVERABLE("Geweigerd door de mailserver");

  private final String label;

  CorrespondenceStatus(String label) {
    this.label = label;
  }

  /** The Dutch words the pages show. */
  public String label() {
    return label;
  }

  /** The Dutch word for a stored status; the stored text itself when it is no status of this kind. */
  public static String labelOf(String status) {
    for (CorrespondenceStatus value : values()) {
      if (value.name().equals(status)) {
        return value.label();
      }
    }
    return status == null ? "-" : status;
  }

  /** The Dutch words for a kind of step in an e-mail's history (correspondence_event.kind). */
  public static String eventLabel(String kind) {
    return switch (kind == null ? "" : kind) {
      case "QUEUED" -> "In de wachtrij";
      case "SENT" -> "Verzonden";
      case "FAILED" -> "Mislukt, wordt opnieuw geprobeerd";
      case "GAVE_UP" -> "Mislukt, wacht op een mens";
      case "UNDELIVERABLE" -> "Geweigerd";
      case "REQUEUED" -> "Opnieuw in de wachtrij";
      case "RETRIED_NOW" -> "Volgende poging naar nu gehaald";
      case "CLOSED" -> "Afgesloten";
      default -> kind == null ? "-" : kind;
    };
  }
}
