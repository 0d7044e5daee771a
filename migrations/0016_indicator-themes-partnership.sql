ALTER TABLE "indicator_themes" ADD COLUMN "partnership_id" uuid;--> statement-breakpoint
UPDATE "indicator_themes" SET "partnership_id" = "indicators"."partnership_id" FROM "indicators" WHERE "indicators"."id" = "indicator_themes"."indicator_id";--> statement-breakpoint
ALTER TABLE "indicator_themes" ALTER COLUMN "partnership_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_themes" ADD CONSTRAINT "indicator_themes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;
