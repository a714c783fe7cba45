-- The network a region's keurmerkhouders join for their free year, as its e-mails name it in a sentence ("het
-- Sociaal Economisch Netwerk MVS"). Before, every region's e-mails named MVS's. Empty: "het netwerk van <regio>".
ALTER TABLE region ADD COLUMN network_name VARCHAR(200);
UPDATE region SET network_name = 'het Sociaal Economisch Netwerk MVS' WHERE code = 'mvs';
