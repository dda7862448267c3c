CREATE TABLE "media_object_chunks" (
	"key" text NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "media_object_chunks_key_seq_pk" PRIMARY KEY("key","seq")
);
--> statement-breakpoint
CREATE TABLE "media_objects" (
	"key" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"chunks" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media_object_chunks" ADD CONSTRAINT "media_object_chunks_key_media_objects_key_fk" FOREIGN KEY ("key") REFERENCES "public"."media_objects"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Images are compressed already: TOAST's compression only costs CPU on them (still stored out of line).
ALTER TABLE "media_object_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL;
