CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assurance_settings" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"audit_group_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"return_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"self_grade" text,
	"evidence" text,
	"moderated_grade" text,
	"moderation_reason" text,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_answers_moderated_has_reason" CHECK ("audit_answers"."moderated_grade" is null or ("audit_answers"."moderation_reason" is not null and length(trim("audit_answers"."moderation_reason")) > 0))
);
--> statement-breakpoint
CREATE TABLE "audit_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"return_id" uuid NOT NULL,
	"criterion_id" uuid,
	"question" text NOT NULL,
	"asked_by" uuid,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"start_year" integer NOT NULL,
	"opens_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"remind_days_before" integer[] DEFAULT '{7}' NOT NULL,
	"remind_days_after" integer[] DEFAULT '{3}' NOT NULL,
	"opened_at" timestamp with time zone,
	"opened_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_with_drafts" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_reminders" (
	"return_id" uuid NOT NULL,
	"reminder" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_reminders_return_id_reminder_pk" PRIMARY KEY("return_id","reminder")
);
--> statement-breakpoint
CREATE TABLE "audit_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"moderator_person_id" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"moderated_at" timestamp with time zone,
	"moderated_by" uuid,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"standard_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"scale" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_audit_agency_grades" (
	"case_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"grade" text NOT NULL,
	"comment" text,
	CONSTRAINT "case_audit_agency_grades_case_id_agency_id_pk" PRIMARY KEY("case_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "case_audit_auditors" (
	"audit_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "case_audit_auditors_audit_id_person_id_pk" PRIMARY KEY("audit_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "case_audit_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"grade" text,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_audit_learning_point_themes" (
	"learning_point_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "case_audit_learning_point_themes_learning_point_id_theme_id_pk" PRIMARY KEY("learning_point_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "case_audit_learning_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_audit_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
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
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"theme_id" uuid NOT NULL,
	"plan_priority_id" uuid,
	"scope" text NOT NULL,
	"agency_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"held_on" date NOT NULL,
	"findings" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_answers" (
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "survey_answers_response_id_question_id_pk" PRIMARY KEY("response_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "survey_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"options" text[] DEFAULT '{}' NOT NULL,
	"required" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"received_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"introduction" text,
	"slug" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"closes_on" date NOT NULL,
	"opened_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voice_record_agencies" (
	"record_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "voice_record_agencies_record_id_agency_id_pk" PRIMARY KEY("record_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "voice_record_themes" (
	"record_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	CONSTRAINT "voice_record_themes_record_id_theme_id_pk" PRIMARY KEY("record_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "voice_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"title" text NOT NULL,
	"audience" text NOT NULL,
	"age_bands" text[] DEFAULT '{}' NOT NULL,
	"method" text NOT NULL,
	"held_on" date NOT NULL,
	"invited" integer,
	"responses" integer NOT NULL,
	"findings" text,
	"plan_priority_id" uuid,
	"survey_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "urn" text;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assurance_settings" ADD CONSTRAINT "assurance_settings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assurance_settings" ADD CONSTRAINT "assurance_settings_audit_group_id_groups_id_fk" FOREIGN KEY ("audit_group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_answers" ADD CONSTRAINT "audit_answers_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_answers" ADD CONSTRAINT "audit_answers_return_id_audit_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."audit_returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_answers" ADD CONSTRAINT "audit_answers_criterion_id_framework_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."framework_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_answers" ADD CONSTRAINT "audit_answers_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_challenges" ADD CONSTRAINT "audit_challenges_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_challenges" ADD CONSTRAINT "audit_challenges_return_id_audit_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."audit_returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_challenges" ADD CONSTRAINT "audit_challenges_criterion_id_framework_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."framework_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_challenges" ADD CONSTRAINT "audit_challenges_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_challenges" ADD CONSTRAINT "audit_challenges_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_cycles" ADD CONSTRAINT "audit_cycles_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_cycles" ADD CONSTRAINT "audit_cycles_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_cycles" ADD CONSTRAINT "audit_cycles_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_cycles" ADD CONSTRAINT "audit_cycles_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_frameworks" ADD CONSTRAINT "audit_frameworks_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_reminders" ADD CONSTRAINT "audit_reminders_return_id_audit_returns_id_fk" FOREIGN KEY ("return_id") REFERENCES "public"."audit_returns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_returns" ADD CONSTRAINT "audit_returns_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_returns" ADD CONSTRAINT "audit_returns_cycle_id_audit_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."audit_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_returns" ADD CONSTRAINT "audit_returns_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_returns" ADD CONSTRAINT "audit_returns_moderator_person_id_people_id_fk" FOREIGN KEY ("moderator_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_returns" ADD CONSTRAINT "audit_returns_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_returns" ADD CONSTRAINT "audit_returns_moderated_by_users_id_fk" FOREIGN KEY ("moderated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_criteria" ADD CONSTRAINT "framework_criteria_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_criteria" ADD CONSTRAINT "framework_criteria_version_id_framework_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."framework_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_criteria" ADD CONSTRAINT "framework_criteria_standard_id_framework_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."framework_standards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_standards" ADD CONSTRAINT "framework_standards_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_standards" ADD CONSTRAINT "framework_standards_version_id_framework_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."framework_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_framework_id_audit_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."audit_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_agency_grades" ADD CONSTRAINT "case_audit_agency_grades_case_id_case_audit_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_audit_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_agency_grades" ADD CONSTRAINT "case_audit_agency_grades_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_agency_grades" ADD CONSTRAINT "case_audit_agency_grades_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_auditors" ADD CONSTRAINT "case_audit_auditors_audit_id_case_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."case_audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_auditors" ADD CONSTRAINT "case_audit_auditors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_cases" ADD CONSTRAINT "case_audit_cases_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_cases" ADD CONSTRAINT "case_audit_cases_audit_id_case_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."case_audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_learning_point_themes" ADD CONSTRAINT "case_audit_learning_point_themes_learning_point_id_case_audit_learning_points_id_fk" FOREIGN KEY ("learning_point_id") REFERENCES "public"."case_audit_learning_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_learning_point_themes" ADD CONSTRAINT "case_audit_learning_point_themes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_learning_point_themes" ADD CONSTRAINT "case_audit_learning_point_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_learning_points" ADD CONSTRAINT "case_audit_learning_points_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_learning_points" ADD CONSTRAINT "case_audit_learning_points_audit_id_case_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."case_audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_recommendations" ADD CONSTRAINT "case_audit_recommendations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_recommendations" ADD CONSTRAINT "case_audit_recommendations_audit_id_case_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."case_audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audit_recommendations" ADD CONSTRAINT "case_audit_recommendations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_plan_priority_id_plan_priorities_id_fk" FOREIGN KEY ("plan_priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_audits" ADD CONSTRAINT "case_audits_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_response_id_survey_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."survey_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_question_id_survey_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."survey_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questions" ADD CONSTRAINT "survey_questions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_record_agencies" ADD CONSTRAINT "voice_record_agencies_record_id_voice_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."voice_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_record_agencies" ADD CONSTRAINT "voice_record_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_record_themes" ADD CONSTRAINT "voice_record_themes_record_id_voice_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."voice_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_record_themes" ADD CONSTRAINT "voice_record_themes_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_record_themes" ADD CONSTRAINT "voice_record_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_records" ADD CONSTRAINT "voice_records_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_records" ADD CONSTRAINT "voice_records_plan_priority_id_plan_priorities_id_fk" FOREIGN KEY ("plan_priority_id") REFERENCES "public"."plan_priorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voice_records" ADD CONSTRAINT "voice_records_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_record_idx" ON "attachments" USING btree ("partnership_id","record_type","record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_answers_criterion_unique" ON "audit_answers" USING btree ("return_id","criterion_id");--> statement-breakpoint
CREATE INDEX "audit_answers_criterion_idx" ON "audit_answers" USING btree ("criterion_id");--> statement-breakpoint
CREATE INDEX "audit_challenges_return_idx" ON "audit_challenges" USING btree ("return_id");--> statement-breakpoint
CREATE INDEX "audit_cycles_partnership_idx" ON "audit_cycles" USING btree ("partnership_id","start_year");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_returns_agency_unique" ON "audit_returns" USING btree ("cycle_id","agency_id");--> statement-breakpoint
CREATE INDEX "audit_returns_agency_idx" ON "audit_returns" USING btree ("partnership_id","agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_criteria_number_unique" ON "framework_criteria" USING btree ("standard_id","number");--> statement-breakpoint
CREATE INDEX "framework_criteria_version_idx" ON "framework_criteria" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_standards_number_unique" ON "framework_standards" USING btree ("version_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_number_unique" ON "framework_versions" USING btree ("framework_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "case_audit_cases_reference_unique" ON "case_audit_cases" USING btree ("audit_id",lower("reference"));--> statement-breakpoint
CREATE INDEX "case_audit_learning_point_themes_theme_idx" ON "case_audit_learning_point_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_audit_learning_points_number_unique" ON "case_audit_learning_points" USING btree ("audit_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "case_audit_recommendations_number_unique" ON "case_audit_recommendations" USING btree ("audit_id","number");--> statement-breakpoint
CREATE INDEX "case_audits_partnership_idx" ON "case_audits" USING btree ("partnership_id","held_on");--> statement-breakpoint
CREATE INDEX "survey_answers_question_idx" ON "survey_answers" USING btree ("question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questions_number_unique" ON "survey_questions" USING btree ("survey_id","number");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_slug_unique" ON "surveys" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "voice_record_themes_theme_idx" ON "voice_record_themes" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "voice_records_partnership_idx" ON "voice_records" USING btree ("partnership_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_urn_unique" ON "agencies" USING btree ("partnership_id","urn") WHERE "agencies"."urn" is not null;