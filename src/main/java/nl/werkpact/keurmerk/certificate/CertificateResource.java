package nl.werkpact.keurmerk.certificate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import nl.werkpact.keurmerk.keurmerk.KeurmerkNumber;
import org.camunda.bpm.engine.IdentityService;

/**
 * {@code GET /engine-rest/werkpact/certificaten/{nummer}}: the keurmerk's certificate as PDF, for accountmanagers, the
 * keurmerkcommissie and admins; {@code ?drukwerk=ja} gives the print shop's variant.
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
  public Response download(
      @PathParam("number") String number, @QueryParam("drukwerk") String printShop) {
    String n = KeurmerkNumber.normalize(number);
    boolean print = PrintVariant.asked(printShop);
    byte[] pdf = certificates.forNumber(n, print).orElseThrow(() -> KeurmerkNumber.unknown(n));
    return Response.ok(pdf, "application/pdf")
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + Certificates.filename(n, print) + "\"")
        .build();
  }
}
