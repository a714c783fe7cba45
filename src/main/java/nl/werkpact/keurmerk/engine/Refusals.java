package nl.werkpact.keurmerk.engine;

import nl.werkpact.keurmerk.common.InvalidRequestException;

/**
 * The refusal of the request this thread is serving, as the engine saw it ({@link CommandGuard}); the HTTP
 * layer ({@link ErrorResponseFilter}) answers with it instead of whatever wrapping the REST resources put
 * around it. A request is served by one thread, so a thread-local is its scope.
 */
final class Refusals {

  private static final ThreadLocal<InvalidRequestException> CURRENT = new ThreadLocal<>();

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
  }
}
