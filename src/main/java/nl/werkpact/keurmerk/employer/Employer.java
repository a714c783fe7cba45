package nl.werkpact.keurmerk.employer;

public record Employer(
    long id,
    String name,
    String kvkNumber,
    String address,
    String municipality,
    String contactPerson,
    String contactEmail) {}
