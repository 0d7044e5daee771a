DROP INDEX "people_partnership_name_idx";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "sort_name" text;--> statement-breakpoint
-- Files the people already there by the rules of src/modules/partnership/people/sort-name.ts,
-- written in SQL (test/directory-people.test.ts runs both over the same names): titles and
-- honours dropped, then the last word first.
UPDATE "people" SET "sort_name" = (
  SELECT CASE
    WHEN "stripped" = '' THEN "whole"
    WHEN position(' ' in "stripped") = 0 THEN "stripped"
    ELSE regexp_replace("stripped", '^(.*) (\S+)$', '\2, \1')
  END
  FROM (
    SELECT "whole", btrim(regexp_replace(
      regexp_replace("whole", '^(?:(?:detective chief superintendent|detective chief inspector|detective superintendent|detective inspector|detective sergeant|detective constable|assistant chief constable|deputy chief constable|chief superintendent|chief constable|chief inspector|superintendent|inspector|sergeant|constable|squadron leader|wing commander|group captain|flight lieutenant|lieutenant colonel|lieutenant commander|lieutenant|brigadier|colonel|captain|major|commander|professor|prof|doctor|dr|mrs|mr|ms|miss|mx|sir|dame|lord|lady|the reverend|reverend|revd|rev|councillor|cllr)\.?\s+)+', '', 'i'),
      '(?:,?\s+(?:OBE|MBE|CBE|QPM|KPM|QC|JP|DL))+$', '')) AS "stripped"
    FROM (SELECT btrim(regexp_replace("people"."name", '\s+', ' ', 'g')) AS "whole") AS "spaced"
  ) AS "parts"
);--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "sort_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "left_on" date;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "people_partnership_sort_name_idx" ON "people" USING btree ("partnership_id",lower("sort_name"));
