-- The rule prior score a recommendation had when the user accepted or dismissed it: the learned ranking model must
-- beat these scores on held-out feedback before it is shipped. NULL in rows recorded before this migration (the
-- trainer then uses the catalogue entry's prior).
ALTER TABLE floyo_recommendation_feedback ADD COLUMN prior double precision;
