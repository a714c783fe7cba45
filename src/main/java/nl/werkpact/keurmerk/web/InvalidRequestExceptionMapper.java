package nl.werkpact.keurmerk.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * A refused request is the caller's to fix: 400 with the Dutch message alone, not Camunda's 500 with the
 * message wrapped in engine text. Camunda's REST resources wrap engine exceptions (a task listener's refusal
 * arrives as "Cannot complete task …: ENGINE-03051 …"), so the cause chain is searched; anything else keeps
 * Camunda's own answer.
 */
@Priority(1)
class InvalidRequestExceptionMapper implements ExceptionMapper<RestException> {

  private final RestExceptionHandler camunda = new RestExceptionHandler();

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidRequestException refused) {
        return badRequest(refused);
      }
    }
    return camunda.toResponse(exception);
  }

  static Response badRequest(InvalidRequestException refused) {
    Refusals.record(refused);
    return Response.status(ErrorResponseFilter.statusOf(refused))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "InvalidRequestException", "message", refused.getMessage()))
        .build();
  }

  /** Thrown as it is (a delegate in the starting transaction, a message correlation). */
  static class Direct implements ExceptionMapper<InvalidRequestException> {
    @Override
    public Response toResponse(InvalidRequestException exception) {
      return badRequest(exception);
    }
  }
}
