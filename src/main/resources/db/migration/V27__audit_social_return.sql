-- Social return beyond the five audit figures (audit/SocialReturn): counts and the social workshop's name, never a
-- person. NULL for audits recorded before these existed (and for imported awards): "niet vastgelegd", not 0.
ALTER TABLE audit ADD COLUMN permanent_contracts INTEGER;
ALTER TABLE audit ADD COLUMN moved_on INTEGER;
ALTER TABLE audit ADD COLUMN trainings_started INTEGER;
ALTER TABLE audit ADD COLUMN trainings_finished INTEGER;
ALTER TABLE audit ADD COLUMN internships INTEGER;
ALTER TABLE audit ADD COLUMN snuffelstages INTEGER;
ALTER TABLE audit ADD COLUMN lessons_given INTEGER;
ALTER TABLE audit ADD COLUMN wsp_placements INTEGER;
ALTER TABLE audit ADD COLUMN social_workshops VARCHAR(300);
ALTER TABLE audit ADD CONSTRAINT ck_audit_social_return CHECK (
    permanent_contracts >= 0 AND moved_on >= 0 AND trainings_started >= 0 AND trainings_finished >= 0
    AND internships >= 0 AND snuffelstages >= 0 AND lessons_given >= 0 AND wsp_placements >= 0);
