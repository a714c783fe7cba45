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
import org.camunda.bpm.engine.IdentityService;

/**
 * {@code POST /engine-rest/werkpact/keurmerken/{nummer}/intrekking} with {@code {"reden": "..."}}: the
 * keurmerkcommissie (or an admin) withdraws a keurmerk by its number. Answers the keurmerk's new status.
 */
@Path("/werkpact/keurmerken")
@Produces(MediaType.APPLICATION_JSON)
public class KeurmerkWithdrawalResource {

  private final KeurmerkWithdrawals withdrawals;
  private final IdentityService identity;

  public KeurmerkWithdrawalResource(KeurmerkWithdrawals withdrawals, IdentityService identity) {
    this.withdrawals = withdrawals;
    this.identity = identity;
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
}
