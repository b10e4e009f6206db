-- Hand-written (issue 7): one counter row that triggers bump on any change to what the recommendation catalog is built from, so app servers revalidate their cached catalog with one primary-key read.
INSERT INTO "catalog_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalog_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER achievements_catalog_version AFTER INSERT OR UPDATE OR DELETE ON "achievements" FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
--> statement-breakpoint
CREATE TRIGGER achievement_offers_catalog_version AFTER INSERT OR UPDATE OR DELETE ON "achievement_offers" FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
--> statement-breakpoint
CREATE TRIGGER achievement_criteria_catalog_version AFTER INSERT OR UPDATE OR DELETE ON "achievement_criteria" FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
--> statement-breakpoint
CREATE TRIGGER pathways_catalog_version AFTER INSERT OR UPDATE OR DELETE ON "pathways" FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
--> statement-breakpoint
CREATE TRIGGER competencies_catalog_version AFTER INSERT OR UPDATE OR DELETE ON "competencies" FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
--> statement-breakpoint
CREATE TRIGGER competency_associations_catalog_version AFTER INSERT OR UPDATE OR DELETE ON "competency_associations" FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
