package nl.werkpact.keurmerk.certificate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import nl.werkpact.keurmerk.keurmerk.KeurmerkNumber;
import org.camunda.bpm.engine.IdentityService;

/**
 * {@code GET /engine-rest/werkpact/certificaten/{nummer}}: the keurmerk's certificate as PDF, for accountmanagers, the
 * keurmerkcommissie and admins.
 */
@Path("/werkpact/certificaten")
public class CertificateResource {

  private final Certificates certificates;
  private final IdentityService identity;

  public CertificateResource(Certificates certificates, IdentityService identity) {
    this.certificates = certificates;
    this.identity = identity;
  }

  @GET
  @Path("/{number}")
  public Response download(@PathParam("number") String number) {
    String n = KeurmerkNumber.normalize(number);
    byte[] pdf =
        certificates
            .forNumber(n)
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "Er is geen keurmerk met nummer "
                            + n
                            + "; een nummer ziet eruit als "
                            + KeurmerkNumber.EXAMPLE
                            + "."));
    return Response.ok(pdf, "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"" + Certificates.filename(n) + "\"")
        .build();
  }
}
