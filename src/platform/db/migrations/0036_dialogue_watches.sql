CREATE TABLE "dialogue_deliveries" (
	"user_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dialogue_deliveries_user_id_thread_id_pk" PRIMARY KEY("user_id","thread_id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_watches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"thread_id" uuid,
	"space_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_watches_one_target" CHECK (("dialogue_watches"."thread_id" IS NULL) <> ("dialogue_watches"."space_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "dialogue_deliveries" ADD CONSTRAINT "dialogue_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_deliveries" ADD CONSTRAINT "dialogue_deliveries_thread_id_dialogue_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."dialogue_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_watches" ADD CONSTRAINT "dialogue_watches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_watches" ADD CONSTRAINT "dialogue_watches_thread_id_dialogue_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."dialogue_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_watches" ADD CONSTRAINT "dialogue_watches_space_id_dialogue_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."dialogue_spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_watches_thread_idx" ON "dialogue_watches" USING btree ("user_id","thread_id") WHERE "dialogue_watches"."thread_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_watches_space_idx" ON "dialogue_watches" USING btree ("user_id","space_id") WHERE "dialogue_watches"."space_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "dialogue_watches_space_thread_idx" ON "dialogue_watches" USING btree ("space_id");