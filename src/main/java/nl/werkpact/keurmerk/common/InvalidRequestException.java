package nl.werkpact.keurmerk.common;

import java.util.List;

/**
 * A request that the system refuses for a reason the user can fix. The message is Dutch, because
 * Tasklist and the REST API show it to the user as it is; nothing has been stored when it is thrown.
 */
public class InvalidRequestException extends RuntimeException {

  private final List<String> problems;

  public InvalidRequestException(String problem) {
    this(List.of(problem));
  }

  public InvalidRequestException(List<String> problems) {
    super(String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  /**
   * The Dutch refusal inside an error, however the engine wrapped it (a delegate refusing a start), or null when the
   * error is another.
   */
  public static InvalidRequestException foundIn(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof InvalidRequestException refused) {
        return refused;
      }
    }
    return null;
  }
}
