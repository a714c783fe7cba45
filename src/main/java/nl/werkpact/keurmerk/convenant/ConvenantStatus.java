package nl.werkpact.keurmerk.convenant;

public enum ConvenantStatus {
  /** Intent registered, intake and signing still to come. */
  INTENT,
  SIGNED,
  WITHDRAWN;

  public boolean isOpen() {
    return this != WITHDRAWN;
  }
}
