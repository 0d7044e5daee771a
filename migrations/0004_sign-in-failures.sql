CREATE TABLE "sign_in_failures" (
	"email_hash" text NOT NULL,
	"client_address" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"first_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paused_until" timestamp with time zone,
	CONSTRAINT "sign_in_failures_email_hash_client_address_pk" PRIMARY KEY("email_hash","client_address")
);
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_sign_in_count";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";