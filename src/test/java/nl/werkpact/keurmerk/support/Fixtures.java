package nl.werkpact.keurmerk.support;

import nl.werkpact.keurmerk.employer.EmployerDetails;

public final class Fixtures {

  private Fixtures() {}

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
