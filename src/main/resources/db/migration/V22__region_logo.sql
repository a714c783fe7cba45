-- A region's logo: a PNG as the app wrote it again after its checks (region/RegionLogos), shown on its register
-- pages, its certificates and its e-mails. Empty: the pages and certificates show the region's name only.
ALTER TABLE region ADD COLUMN logo_png BYTEA;
