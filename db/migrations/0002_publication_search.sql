ALTER TABLE "publications" ADD COLUMN "search" "tsvector";--> statement-breakpoint
CREATE INDEX "publications_search_idx" ON "publications" USING gin ("search");