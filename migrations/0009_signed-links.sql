CREATE TABLE "signed_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "signed_links" ADD CONSTRAINT "signed_links_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signed_links_token_hash_unique" ON "signed_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "signed_links_record_idx" ON "signed_links" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "signed_links_expires_idx" ON "signed_links" USING btree ("expires_at");