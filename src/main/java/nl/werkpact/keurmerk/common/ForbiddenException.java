package nl.werkpact.keurmerk.common;

/** A request this user's role may not make (it is for administrators, or for another role); nothing was stored. */
public class ForbiddenException extends InvalidRequestException {

  public ForbiddenException(String problem) {
    super(problem);
  }
}
