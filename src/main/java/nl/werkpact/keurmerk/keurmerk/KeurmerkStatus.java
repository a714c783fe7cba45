package nl.werkpact.keurmerk.keurmerk;

public enum KeurmerkStatus {
  ACTIVE, RENEWED, EXPIRED, WITHDRAWN
}
