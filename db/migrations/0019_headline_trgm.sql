-- Headline words typed in the desk (ILIKE '%word%'): its article list's filter and the editor's link picker,
-- by trigrams. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension (PostgreSQL 13+:
-- the database's owner may create it); PGlite is given it when it opens (db/client.ts, db/testing).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "articles_headline_trgm_idx" ON "articles" USING gin ("headline" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "publications_headline_trgm_idx" ON "publications" USING gin ("headline" gin_trgm_ops);