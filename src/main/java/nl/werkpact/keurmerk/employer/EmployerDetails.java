package nl.werkpact.keurmerk.employer;

import nl.werkpact.keurmerk.common.Checks;

/** What an accountmanager records about an employer at intake; validated before anything is stored. */
public record EmployerDetails(
    String name,
    String kvkNumber,
    String address,
    String municipality,
    String contactPerson,
    String contactEmail) {

  public EmployerDetails {
    name = Checks.trimmed(name);
    kvkNumber = Checks.trimmed(kvkNumber);
    address = Checks.trimmed(address);
    municipality = Checks.trimmed(municipality);
    contactPerson = Checks.trimmed(contactPerson);
    contactEmail = Checks.trimmed(contactEmail);
  }

  public EmployerDetails withMunicipality(String listed) {
    return new EmployerDetails(name, kvkNumber, address, listed, contactPerson, contactEmail);
  }
}
