package nl.werkpact.keurmerk.support;

import java.util.List;
import nl.werkpact.keurmerk.employer.EmployerDetails;
import nl.werkpact.keurmerk.employer.Municipalities;
import nl.werkpact.keurmerk.region.RegionSettings;

public final class Fixtures {

  private Fixtures() {}

  /** The region's municipalities as the app's defaults have them (MVS). */
  public static Municipalities municipalities() {
    return new Municipalities(
        new RegionSettings(List.of("Maassluis", "Vlaardingen", "Schiedam"), "mvs"));
  }

  public static EmployerDetails employer(String kvkNumber) {
    return new EmployerDetails(
        "Bakkerij De Korenschoof",
        kvkNumber,
        "Hoogstraat 12, 3142 EA",
        "Maassluis",
        "Joke Verbeek",
        "joke@korenschoof.example");
  }

  public static EmployerDetails employerNamed(String name, String kvkNumber, String email) {
    return new EmployerDetails(
        name, kvkNumber, "Hoogstraat 12, 3142 EA", "Maassluis", "Joke Verbeek", email);
  }
}
