ALTER TABLE "audit_log" ADD COLUMN "related" text[];--> statement-breakpoint
CREATE INDEX "audit_log_related_idx" ON "audit_log" USING gin ("related");