package nl.werkpact.keurmerk.guard;

import java.sql.SQLException;
import nl.werkpact.keurmerk.common.ConflictException;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.web.Refusals;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;

/** A failed command as the user should see it: our own refusal as it was meant, "not found" as 404, a conflict as 409. */
final class EngineErrors {

  private EngineErrors() {}

  static RuntimeException translate(RuntimeException failure) {
    InvalidRequestException refusal = null;
    for (Throwable cause = failure; cause != null && refusal == null; cause = cause.getCause()) {
      if (cause instanceof InvalidRequestException refused) {
        refusal = refused;
      }
    }
    if (refusal == null && isNotFound(failure)) {
      refusal = new nl.werkpact.keurmerk.common.NotFoundException();
    }
    if (refusal == null) {
      String sqlState = sqlState(failure);
      if (hasCause(failure, OptimisticLockingException.class)
          || (sqlState != null && sqlState.startsWith("23"))) {
        refusal =
            new ConflictException(
                "Iemand anders heeft dit intussen al vastgelegd of gewijzigd. "
                    + "Vernieuw de pagina en probeer het zo nodig opnieuw; er is niets opgeslagen.");
      } else if (sqlState != null && sqlState.startsWith("22")) {
        refusal =
            new InvalidRequestException(
                "De invoer bevat tekens of waarden die niet kunnen worden opgeslagen "
                    + "(bijvoorbeeld onzichtbare tekens of een te lange tekst). Er is niets opgeslagen.");
      }
    }
    if (refusal == null) {
      return failure;
    }
    Refusals.record(refusal);
    return refusal;
  }

  /**
   * The engine's way of saying that what a command names does not exist: "Cannot find task with id …: task is null"
   * (a NullValueException, which Camunda's REST layer answers with 500), its NotFoundException, or a command that
   * dereferenced the missing entity. A user sees a Dutch 404 instead.
   */
  private static boolean isNotFound(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof NullValueException
          || cause instanceof org.camunda.bpm.engine.exception.NotFoundException
          || (cause instanceof NullPointerException
              && cause.getStackTrace().length > 0
              && cause
                  .getStackTrace()[0]
                  .getClassName()
                  .startsWith("org.camunda.bpm.engine.impl."))) {
        return true;
      }
    }
    return false;
  }

  private static String sqlState(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
