package nl.werkpact.keurmerk.engine;

import nl.werkpact.keurmerk.common.InvalidRequestException;

/**
 * The refusal of the request this thread is serving, as the engine saw it ({@link CommandGuard}); the HTTP
 * layer ({@link ErrorResponseFilter}) answers with it instead of whatever wrapping the REST resources put
 * around it. A request is served by one thread, so a thread-local is its scope.
 */
final class Refusals {

  private static final ThreadLocal<InvalidRequestException> CURRENT = new ThreadLocal<>();
  private static final ThreadLocal<Boolean> ANSWERED = new ThreadLocal<>();

  private Refusals() {}

  static void record(InvalidRequestException refusal) {
    CURRENT.set(refusal);
  }

  static InvalidRequestException take() {
    InvalidRequestException refusal = CURRENT.get();
    CURRENT.remove();
    return refusal;
  }

  static void clear() {
    CURRENT.remove();
    ANSWERED.remove();
  }

  /** A filter of ours has answered with its own Dutch sentence: the answer stays as it is. */
  static void answered() {
    ANSWERED.set(Boolean.TRUE);
  }

  static boolean isAnswered() {
    return Boolean.TRUE.equals(ANSWERED.get());
  }
}
