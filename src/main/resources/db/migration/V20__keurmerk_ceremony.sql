-- The ceremony as planned in Uitreiking plannen (KeurmerkCeremony), on the keurmerk it hands over, so that the
-- lead time from the committee's decision to the ceremony is read from the records. Empty for keurmerken whose
-- ceremony was never planned (renewals, imported holders, cancelled ceremonies).
ALTER TABLE keurmerk ADD COLUMN ceremony_date DATE;
ALTER TABLE keurmerk ADD COLUMN ceremony_location VARCHAR(200);
