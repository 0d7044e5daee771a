CREATE TABLE "working_day_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "action_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"written_on" date NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"written_by_user_id" uuid,
	"written_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"source_label" text NOT NULL,
	"source_href" text NOT NULL,
	"description" text NOT NULL,
	"owner_person_id" uuid,
	"owner_agency_id" uuid,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'not-started' NOT NULL,
	"evidence" text,
	"completed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_owner" CHECK ("actions"."owner_person_id" is not null or "actions"."owner_agency_id" is not null),
	CONSTRAINT "actions_complete_has_evidence" CHECK ("actions"."status" <> 'complete' or ("actions"."evidence" is not null and "actions"."completed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "review_learning_point_themes" (
	"learning_point_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "review_learning_point_themes_learning_point_id_theme_id_pk" PRIMARY KEY("learning_point_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "review_case_agencies" (
	"case_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "review_case_agencies_case_id_agency_id_pk" PRIMARY KEY("case_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "review_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"circumstances" text,
	"incident_on" date,
	"aware_on" date NOT NULL,
	"referred_by_agency_id" uuid,
	"referrer" text,
	"harm" text NOT NULL,
	"age_band" text,
	"concerns" text[] DEFAULT '{}' NOT NULL,
	"notified_on" date,
	"rapid_review_on" date,
	"framework" text,
	"decision_outcome" text,
	"decision_rationale" text,
	"decided_by_person_id" uuid,
	"decided_on" date,
	"panel_view" text,
	"panel_view_on" date,
	"review_type" text,
	"methodology" text,
	"lead_reviewer" text,
	"terms_of_reference" text,
	"commissioned_on" date,
	"panel_meetings" date[] DEFAULT '{}' NOT NULL,
	"draft_received_on" date,
	"signed_off_on" date,
	"sent_to_panel_on" date,
	"published_on" date,
	"taken_down_on" date,
	"parallel_process" text,
	"parallel_started_on" date,
	"parallel_ended_on" date,
	"status" text DEFAULT 'referred' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_cases_aware_before_decision" CHECK ("review_cases"."decided_on" is null or "review_cases"."aware_on" <= "review_cases"."decided_on"),
	CONSTRAINT "review_cases_parallel_dates" CHECK ("review_cases"."parallel_ended_on" is null or "review_cases"."parallel_started_on" is null or "review_cases"."parallel_ended_on" >= "review_cases"."parallel_started_on")
);
--> statement-breakpoint
CREATE TABLE "review_learning_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_panel_members" (
	"case_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "review_panel_members_case_id_person_id_pk" PRIMARY KEY("case_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "review_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"response" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"evidence" text,
	"completed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_recommendations_complete_has_evidence" CHECK ("review_recommendations"."status" <> 'complete' or ("review_recommendations"."evidence" is not null and "review_recommendations"."completed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "review_settings" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"group_ids" uuid[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_summaries" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"what_happened" text NOT NULL,
	"what_we_learned" text NOT NULL,
	"what_to_do_differently" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "confidential_access" (
	"partnership_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"group_ids" uuid[] DEFAULT '{}' NOT NULL,
	"roles" text[] DEFAULT '{}' NOT NULL,
	"person_ids" uuid[] DEFAULT '{}' NOT NULL,
	"agency_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "confidential_access_record_type_record_id_pk" PRIMARY KEY("record_type","record_id")
);
--> statement-breakpoint
ALTER TABLE "working_day_changes" ADD CONSTRAINT "working_day_changes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_updates" ADD CONSTRAINT "action_updates_written_by_user_id_users_id_fk" FOREIGN KEY ("written_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_agency_id_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_learning_point_themes" ADD CONSTRAINT "review_learning_point_themes_learning_point_id_review_learning_points_id_fk" FOREIGN KEY ("learning_point_id") REFERENCES "public"."review_learning_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_learning_point_themes" ADD CONSTRAINT "review_learning_point_themes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_learning_point_themes" ADD CONSTRAINT "review_learning_point_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_case_agencies" ADD CONSTRAINT "review_case_agencies_case_id_review_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_case_agencies" ADD CONSTRAINT "review_case_agencies_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_case_agencies" ADD CONSTRAINT "review_case_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_referred_by_agency_id_agencies_id_fk" FOREIGN KEY ("referred_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_decided_by_person_id_people_id_fk" FOREIGN KEY ("decided_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_learning_points" ADD CONSTRAINT "review_learning_points_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_learning_points" ADD CONSTRAINT "review_learning_points_case_id_review_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panel_members" ADD CONSTRAINT "review_panel_members_case_id_review_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panel_members" ADD CONSTRAINT "review_panel_members_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_panel_members" ADD CONSTRAINT "review_panel_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_recommendations" ADD CONSTRAINT "review_recommendations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_recommendations" ADD CONSTRAINT "review_recommendations_case_id_review_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_recommendations" ADD CONSTRAINT "review_recommendations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_settings" ADD CONSTRAINT "review_settings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_summaries" ADD CONSTRAINT "review_summaries_case_id_review_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."review_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_summaries" ADD CONSTRAINT "review_summaries_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "confidential_access" ADD CONSTRAINT "confidential_access_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "working_day_changes_day_unique" ON "working_day_changes" USING btree ("partnership_id","day");--> statement-breakpoint
CREATE INDEX "action_updates_action_idx" ON "action_updates" USING btree ("action_id","written_on");--> statement-breakpoint
CREATE INDEX "actions_source_idx" ON "actions" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "actions_owner_person_idx" ON "actions" USING btree ("owner_person_id");--> statement-breakpoint
CREATE INDEX "actions_owner_agency_idx" ON "actions" USING btree ("partnership_id","owner_agency_id");--> statement-breakpoint
CREATE INDEX "actions_due_idx" ON "actions" USING btree ("partnership_id","status","due_on");--> statement-breakpoint
CREATE INDEX "review_learning_point_themes_theme_idx" ON "review_learning_point_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_cases_reference_unique" ON "review_cases" USING btree ("partnership_id",lower("reference"));--> statement-breakpoint
CREATE INDEX "review_cases_status_idx" ON "review_cases" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "review_learning_points_number_unique" ON "review_learning_points" USING btree ("case_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "review_recommendations_number_unique" ON "review_recommendations" USING btree ("case_id","number");--> statement-breakpoint
CREATE INDEX "review_recommendations_agency_idx" ON "review_recommendations" USING btree ("partnership_id","agency_id");--> statement-breakpoint
CREATE INDEX "confidential_access_partnership_idx" ON "confidential_access" USING btree ("partnership_id","record_type");