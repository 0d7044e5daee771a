CREATE TABLE "business_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"areas_for_improvement" text DEFAULT '' NOT NULL,
	"messages" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_commentary" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period" text NOT NULL,
	"markdown" text NOT NULL,
	"written_by" uuid,
	"written_by_name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_themes" (
	"indicator_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "indicator_themes_indicator_id_theme_id_pk" PRIMARY KEY("indicator_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"subject" text NOT NULL,
	"definition" text NOT NULL,
	"unit" text NOT NULL,
	"polarity" text NOT NULL,
	"source" text NOT NULL,
	"frequency" text DEFAULT 'annual' NOT NULL,
	"dfe_column" text,
	"standard" boolean DEFAULT false NOT NULL,
	"target" double precision,
	"position" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"period_type" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"value" double precision,
	"suppressed" text,
	"batch_id" uuid,
	"source_file" text,
	"entered_by" uuid,
	"entered_by_name" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"superseded_by_batch_id" uuid,
	CONSTRAINT "observations_value_or_suppressed" CHECK (("observations"."value" is null) = ("observations"."suppressed" is not null))
);
--> statement-breakpoint
CREATE TABLE "performance_settings" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"neighbour_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"wrong_way_periods" integer DEFAULT 3 NOT NULL,
	"growth_years" integer DEFAULT 3 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"outcomes" text DEFAULT '' NOT NULL,
	"evaluation" text,
	"evidence" text,
	"evaluated_by" uuid,
	"evaluated_by_name" text,
	"evaluated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_priorities_evaluated" CHECK ("plan_priorities"."evaluation" is null or "plan_priorities"."evidence" is not null)
);
--> statement-breakpoint
CREATE TABLE "priority_indicators" (
	"priority_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	CONSTRAINT "priority_indicators_priority_id_indicator_id_pk" PRIMARY KEY("priority_id","indicator_id")
);
--> statement-breakpoint
ALTER TABLE "import_batches" ADD COLUMN "options" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "business_plans" ADD CONSTRAINT "business_plans_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_commentary" ADD CONSTRAINT "indicator_commentary_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_commentary" ADD CONSTRAINT "indicator_commentary_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_commentary" ADD CONSTRAINT "indicator_commentary_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_themes" ADD CONSTRAINT "indicator_themes_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_themes" ADD CONSTRAINT "indicator_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_superseded_by_batch_id_import_batches_id_fk" FOREIGN KEY ("superseded_by_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_settings" ADD CONSTRAINT "performance_settings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_priorities" ADD CONSTRAINT "plan_priorities_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_priorities" ADD CONSTRAINT "plan_priorities_plan_id_business_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."business_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_priorities" ADD CONSTRAINT "plan_priorities_evaluated_by_users_id_fk" FOREIGN KEY ("evaluated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_indicators" ADD CONSTRAINT "priority_indicators_priority_id_plan_priorities_id_fk" FOREIGN KEY ("priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priority_indicators" ADD CONSTRAINT "priority_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "business_plans_year_idx" ON "business_plans" USING btree ("partnership_id","start_year");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_commentary_period_idx" ON "indicator_commentary" USING btree ("indicator_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_idx" ON "indicators" USING btree ("partnership_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_dfe_column_idx" ON "indicators" USING btree ("partnership_id","dfe_column");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_current_idx" ON "observations" USING btree ("partnership_id","indicator_id","area_code","period") WHERE "observations"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "observations_area_idx" ON "observations" USING btree ("partnership_id","area_code","indicator_id","period_start") WHERE "observations"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "observations_history_idx" ON "observations" USING btree ("indicator_id","area_code","period","entered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_priorities_position_idx" ON "plan_priorities" USING btree ("plan_id","position");