CREATE TABLE "learning_agency_aliases" (
	"partnership_id" uuid NOT NULL,
	"alias" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_agency_aliases_partnership_id_alias_pk" PRIMARY KEY("partnership_id","alias")
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"job_title" text,
	"agency_id" uuid,
	"agency_other" text,
	"sector" text NOT NULL,
	"manager_email" text,
	"access_needs" text,
	"terms_accepted_at" timestamp with time zone,
	"source" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"attendance_marked_at" timestamp with time zone,
	"charge_pence" integer,
	"evaluation_requested_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_charge_only_for_non_attendance" CHECK ("bookings"."charge_pence" is null or "bookings"."status" in ('late-cancellation', 'no-show'))
);
--> statement-breakpoint
CREATE TABLE "elearning_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"module_name" text NOT NULL,
	"completed_on" date NOT NULL,
	"agency_name" text NOT NULL,
	"agency_id" uuid,
	"import_batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"overall_rating" integer NOT NULL,
	"confidence_before" integer NOT NULL,
	"confidence_after" integer NOT NULL,
	"will_do_differently" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"follow_up_sent_at" timestamp with time zone,
	"impact" text,
	"impact_answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_overall_range" CHECK ("evaluations"."overall_rating" between 1 and 5),
	CONSTRAINT "evaluations_before_range" CHECK ("evaluations"."confidence_before" between 1 and 5),
	CONSTRAINT "evaluations_after_range" CHECK ("evaluations"."confidence_after" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "learners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"email" text,
	"name" text NOT NULL,
	"job_title" text,
	"agency_id" uuid,
	"agency_other" text,
	"sector" text,
	"person_id" uuid,
	"erased_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learners_email_normalised" CHECK ("learners"."email" = lower(btrim("learners"."email")))
);
--> statement-breakpoint
CREATE TABLE "learning_settings" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"cancellation_cut_off_working_days" integer DEFAULT 2 NOT NULL,
	"offer_hours" integer DEFAULT 48 NOT NULL,
	"follow_up_weeks" integer DEFAULT 12 NOT NULL,
	"booking_terms" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mailing_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"public_sign_up" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "newsletter_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sent_at" timestamp with time zone,
	"recipients" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "non_attendance_charges" (
	"partnership_id" uuid NOT NULL,
	"agency_type" text NOT NULL,
	"amount_pence" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "non_attendance_charges_partnership_id_agency_type_pk" PRIMARY KEY("partnership_id","agency_type"),
	CONSTRAINT "non_attendance_charges_not_negative" CHECK ("non_attendance_charges"."amount_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"list_id" uuid NOT NULL,
	"email" text,
	"name" text,
	"consent_text" text NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waiting_list_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"job_title" text,
	"agency_id" uuid,
	"agency_other" text,
	"sector" text NOT NULL,
	"manager_email" text,
	"access_needs" text,
	"terms_accepted_at" timestamp with time zone,
	"status" text DEFAULT 'waiting' NOT NULL,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"booking_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "learning_agency_aliases" ADD CONSTRAINT "learning_agency_aliases_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_agency_aliases" ADD CONSTRAINT "learning_agency_aliases_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_event_id_training_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_completions" ADD CONSTRAINT "elearning_completions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_completions" ADD CONSTRAINT "elearning_completions_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_completions" ADD CONSTRAINT "elearning_completions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elearning_completions" ADD CONSTRAINT "elearning_completions_import_batch_id_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learners" ADD CONSTRAINT "learners_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learners" ADD CONSTRAINT "learners_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learners" ADD CONSTRAINT "learners_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_settings" ADD CONSTRAINT "learning_settings_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mailing_lists" ADD CONSTRAINT "mailing_lists_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_issues" ADD CONSTRAINT "newsletter_issues_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "newsletter_issues" ADD CONSTRAINT "newsletter_issues_list_id_mailing_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."mailing_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "non_attendance_charges" ADD CONSTRAINT "non_attendance_charges_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_list_id_mailing_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."mailing_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_event_id_training_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."training_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bookings_event_idx" ON "bookings" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "bookings_learner_idx" ON "bookings" USING btree ("learner_id");--> statement-breakpoint
CREATE INDEX "bookings_partnership_status_idx" ON "bookings" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_one_per_learner" ON "bookings" USING btree ("event_id","learner_id") WHERE "bookings"."status" in ('booked', 'attended', 'no-show');--> statement-breakpoint
CREATE UNIQUE INDEX "elearning_completions_unique" ON "elearning_completions" USING btree ("partnership_id","learner_id",lower("module_name"),"completed_on");--> statement-breakpoint
CREATE INDEX "elearning_completions_day_idx" ON "elearning_completions" USING btree ("partnership_id","completed_on");--> statement-breakpoint
CREATE INDEX "elearning_completions_unmatched_idx" ON "elearning_completions" USING btree ("partnership_id","agency_name") WHERE "elearning_completions"."agency_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_booking_unique" ON "evaluations" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "learners_email_unique" ON "learners" USING btree ("partnership_id","email");--> statement-breakpoint
CREATE INDEX "learners_agency_idx" ON "learners" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "learners_person_idx" ON "learners" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mailing_lists_name_unique" ON "mailing_lists" USING btree ("partnership_id",lower("name"));--> statement-breakpoint
CREATE INDEX "newsletter_issues_list_idx" ON "newsletter_issues" USING btree ("list_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_email_unique" ON "subscriptions" USING btree ("list_id","email");--> statement-breakpoint
CREATE INDEX "subscriptions_confirmed_idx" ON "subscriptions" USING btree ("partnership_id","list_id","confirmed_at");--> statement-breakpoint
CREATE INDEX "waiting_list_event_idx" ON "waiting_list_entries" USING btree ("event_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "waiting_list_one_per_learner" ON "waiting_list_entries" USING btree ("event_id","learner_id") WHERE "waiting_list_entries"."status" in ('waiting', 'offered');