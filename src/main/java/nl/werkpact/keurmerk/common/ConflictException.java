package nl.werkpact.keurmerk.common;

/**
 * A request that lost a race: someone else changed or created the same thing first. The user can retry after
 * reloading; nothing of this request was stored.
 */
public class ConflictException extends InvalidRequestException {

  public ConflictException(String problem) {
    super(problem);
  }
}
