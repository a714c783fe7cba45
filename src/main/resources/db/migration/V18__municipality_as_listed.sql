-- Municipalities were free text ("vlaardingen ", "VLAARDINGEN"): each one of the region's (MVS: Maassluis,
-- Vlaardingen, Schiedam) is stored as the region lists it, so the dashboard, the register and the reports count one.
-- Any other value is only trimmed and stays as it was, visible as its own municipality until someone corrects it;
-- new input takes only the region's (employer/Municipalities).
UPDATE employer SET municipality = TRIM(municipality) WHERE municipality <> TRIM(municipality);
UPDATE employer SET municipality = 'Maassluis' WHERE LOWER(municipality) = 'maassluis' AND municipality <> 'Maassluis';
UPDATE employer SET municipality = 'Vlaardingen' WHERE LOWER(municipality) = 'vlaardingen' AND municipality <> 'Vlaardingen';
UPDATE employer SET municipality = 'Schiedam' WHERE LOWER(municipality) = 'schiedam' AND municipality <> 'Schiedam';
