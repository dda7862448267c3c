CREATE TABLE "front_slots" (
	"front" text NOT NULL,
	"slot" text NOT NULL,
	"article_id" integer NOT NULL,
	"placed_by_id" integer,
	"placed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "front_slots_front_slot_pk" PRIMARY KEY("front","slot")
);
--> statement-breakpoint
CREATE TABLE "site_pages" (
	"slug" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"updated_by_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "front_slots" ADD CONSTRAINT "front_slots_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "front_slots" ADD CONSTRAINT "front_slots_placed_by_id_users_id_fk" FOREIGN KEY ("placed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_pages" ADD CONSTRAINT "site_pages_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "front_slots_article_idx" ON "front_slots" USING btree ("article_id");