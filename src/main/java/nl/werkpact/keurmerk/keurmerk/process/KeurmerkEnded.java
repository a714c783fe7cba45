package nl.werkpact.keurmerk.keurmerk.process;

/**
 * A keurmerk ended (expired or withdrawn), published in the transaction that recorded it: what else ends with it
 * (its open "Uitreiking plannen", audit/process/CeremonyCancellation) listens, so this package needs to know none of it.
 */
public record KeurmerkEnded(long keurmerkId) {}
