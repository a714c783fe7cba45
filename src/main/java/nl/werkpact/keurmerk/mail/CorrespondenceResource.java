package nl.werkpact.keurmerk.mail;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.identity.Groups;
import org.camunda.bpm.engine.IdentityService;

/**
 * {@code POST /engine-rest/werkpact/correspondentie/{id}/opnieuw} with {@code {"adres": "..."}} (optional): the
 * employer's own accountmanager or an admin sends an e-mail that the mail server refused for good (UNDELIVERABLE) or
 * that failed, again, to a corrected address. Answers the e-mail's status after the attempt.
 */
@Path("/werkpact/correspondentie")
@Produces(MediaType.APPLICATION_JSON)
public class CorrespondenceResource {

  private final MailOutbox outbox;
  private final IdentityService identity;

  public CorrespondenceResource(MailOutbox outbox, IdentityService identity) {
    this.outbox = outbox;
    this.identity = identity;
  }

  @POST
  @Path("/{id}/opnieuw")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response resend(@PathParam("id") String id, Map<String, Object> body) {
    var caller = identity.getCurrentAuthentication(); // admitted by identity/AccessPolicy
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException("Geef het nummer van de e-mail, zoals 123.");
    }
    Object address = body == null ? null : body.get("adres");
    if (address != null && !(address instanceof String)) {
      throw new InvalidRequestException("Adres moet tekst zijn.");
    }
    CorrespondenceStatus status =
        outbox.resend(
            number, (String) address, caller.getUserId(), Groups.isAdmin(caller.getGroupIds()));
    return Response.ok(Map.of("id", number, "status", status.name())).build();
  }
}
