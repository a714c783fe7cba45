package nl.werkpact.keurmerk.keurmerk.process;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.keurmerk.KeurmerkNumber;
import nl.werkpact.keurmerk.keurmerk.KeurmerkSuspensions;
import org.camunda.bpm.engine.IdentityService;

/**
 * {@code POST /engine-rest/werkpact/keurmerken/{nummer}/intrekking} with {@code {"reden": "..."}}: the
 * keurmerkcommissie (or an admin) withdraws a keurmerk by its number. Answers the keurmerk's new status. Beside it
 * the committee suspends ({@code /schorsing}) and lifts a suspension ({@code /schorsing/opheffen}).
 */
@Path("/werkpact/keurmerken")
@Produces(MediaType.APPLICATION_JSON)
public class KeurmerkWithdrawalResource {

  private final KeurmerkWithdrawals withdrawals;
  private final KeurmerkSuspensions suspensions;
  private final IdentityService identity;

  public KeurmerkWithdrawalResource(
      KeurmerkWithdrawals withdrawals, KeurmerkSuspensions suspensions, IdentityService identity) {
    this.withdrawals = withdrawals;
    this.suspensions = suspensions;
    this.identity = identity;
  }

  /**
   * {@code POST .../{nummer}/schorsing} with {@code {"reden": "...", "totEnMet": "dd-mm-jjjj"}} (the date optional:
   * until lifted): suspends the keurmerk from today.
   */
  @POST
  @Path("/{number}/schorsing")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response suspend(@PathParam("number") String number, Map<String, Object> body) {
    var caller = identity.getCurrentAuthentication(); // admitted by identity/AccessPolicy
    Object reason = body == null ? null : body.get("reden");
    Object until = body == null ? null : body.get("totEnMet");
    if (reason != null && !(reason instanceof String)
        || until != null && !(until instanceof String)) {
      throw new InvalidRequestException(
          "Reden en totEnMet zijn tekst, de datum als dd-mm-jjjj, bijvoorbeeld 31-03-2027.");
    }
    var suspension =
        asTheSystem(
            () -> suspensions.suspend(number, (String) reason, (String) until, caller.getUserId()));
    Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put("nummer", KeurmerkNumber.normalize(number));
    answer.put("status", "GESCHORST");
    answer.put("geschorstVanaf", suspension.since().toString());
    answer.put("totEnMet", suspension.until() == null ? null : suspension.until().toString());
    return Response.ok(answer).build();
  }

  /** {@code POST .../{nummer}/schorsing/opheffen}: lifts the suspension that holds; the keurmerk is valid again. */
  @POST
  @Path("/{number}/schorsing/opheffen")
  public Response lift(@PathParam("number") String number) {
    var caller = identity.getCurrentAuthentication();
    asTheSystem(
        () -> {
          suspensions.lift(number, caller.getUserId());
          return null;
        });
    return Response.ok(Map.of("nummer", KeurmerkNumber.normalize(number), "status", "GELDIG"))
        .build();
  }

  @POST
  @Path("/{number}/intrekking")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response withdraw(@PathParam("number") String number, Map<String, Object> body) {
    var caller = identity.getCurrentAuthentication(); // admitted by identity/AccessPolicy
    Object reason = body == null ? null : body.get("reden");
    if (reason != null && !(reason instanceof String)) {
      throw new InvalidRequestException("Reden van intrekking moet tekst zijn.");
    }
    var keurmerk = withdrawals.withdraw(number, (String) reason, caller.getUserId());
    return Response.ok(Map.of("nummer", keurmerk.number(), "status", keurmerk.status().name()))
        .build();
  }

  /**
   * The committee's decision is checked above (identity/AccessPolicy); what follows from it (the accountmanager whose
   * copy it is, looked up among Camunda's users) is the app's own work, which the caller's user rights do not limit.
   * The region stays the caller's.
   */
  private <T> T asTheSystem(java.util.function.Supplier<T> work) {
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
