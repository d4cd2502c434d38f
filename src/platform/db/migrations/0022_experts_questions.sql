CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'unconfirmed' NOT NULL,
	"asker_name" text DEFAULT '' NOT NULL,
	"asker_email" text NOT NULL,
	"asker_id" uuid,
	"locale" text NOT NULL,
	"theme" text NOT NULL,
	"country" text,
	"question" text NOT NULL,
	"fingerprint" text NOT NULL,
	"keep_private" boolean DEFAULT false NOT NULL,
	"confirm_token_hash" text,
	"follow_token_hash" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_asker_id_users_id_fk" FOREIGN KEY ("asker_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "questions_confirm_token_key" ON "questions" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "questions_follow_token_key" ON "questions" USING btree ("follow_token_hash");--> statement-breakpoint
CREATE INDEX "questions_asker_idx" ON "questions" USING btree ("asker_email","created_at");--> statement-breakpoint
CREATE INDEX "questions_status_idx" ON "questions" USING btree ("status","created_at");