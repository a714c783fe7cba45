package nl.werkpact.keurmerk.common;

/** What the request names does not exist (any more), or is not the caller's to see; nothing was stored. */
public class NotFoundException extends InvalidRequestException {

  public static final String MESSAGE =
      "Dit bestaat niet (meer), of u mag het niet zien; vernieuw de pagina. Er is niets gewijzigd.";

  public NotFoundException() {
    super(MESSAGE);
  }
}
