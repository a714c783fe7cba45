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
}
