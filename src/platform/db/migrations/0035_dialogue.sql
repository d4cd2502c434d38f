CREATE TABLE "dialogue_flags" (
	"post_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_flags_post_id_user_id_pk" PRIMARY KEY("post_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_post_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"body" text NOT NULL,
	"editor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialogue_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"state" text DEFAULT 'shown' NOT NULL,
	"hidden_reason" text DEFAULT '' NOT NULL,
	"edited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_posts_state_known" CHECK ("dialogue_posts"."state" IN ('shown', 'held', 'hidden', 'deleted'))
);
--> statement-breakpoint
CREATE TABLE "dialogue_reads" (
	"thread_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_reads_thread_id_user_id_pk" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "dialogue_spaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"locale" text NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"audience" text DEFAULT 'members' NOT NULL,
	"organisations" uuid[] DEFAULT '{}' NOT NULL,
	"theme" text,
	"event_slug" text,
	"item_path" text,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_spaces_slug_unique" UNIQUE("slug"),
	CONSTRAINT "dialogue_spaces_audience_known" CHECK ("dialogue_spaces"."audience" IN ('public', 'members', 'group'))
);
--> statement-breakpoint
CREATE TABLE "dialogue_suspensions" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"until" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialogue_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer GENERATED ALWAYS AS IDENTITY (sequence name "dialogue_threads_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"space_id" uuid NOT NULL,
	"title" text NOT NULL,
	"author_id" uuid,
	"locale" text NOT NULL,
	"theme" text,
	"answer_post_id" uuid,
	"pinned" boolean DEFAULT false NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"last_posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reply_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogue_threads_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "dialogue_flags" ADD CONSTRAINT "dialogue_flags_post_id_dialogue_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."dialogue_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_flags" ADD CONSTRAINT "dialogue_flags_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_post_revisions" ADD CONSTRAINT "dialogue_post_revisions_post_id_dialogue_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."dialogue_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_post_revisions" ADD CONSTRAINT "dialogue_post_revisions_editor_id_users_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_posts" ADD CONSTRAINT "dialogue_posts_thread_id_dialogue_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."dialogue_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_posts" ADD CONSTRAINT "dialogue_posts_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_reads" ADD CONSTRAINT "dialogue_reads_thread_id_dialogue_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."dialogue_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_reads" ADD CONSTRAINT "dialogue_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_suspensions" ADD CONSTRAINT "dialogue_suspensions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_suspensions" ADD CONSTRAINT "dialogue_suspensions_by_id_users_id_fk" FOREIGN KEY ("by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_threads" ADD CONSTRAINT "dialogue_threads_space_id_dialogue_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."dialogue_spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_threads" ADD CONSTRAINT "dialogue_threads_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dialogue_post_revisions_post_idx" ON "dialogue_post_revisions" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dialogue_posts_position_idx" ON "dialogue_posts" USING btree ("thread_id","position");--> statement-breakpoint
CREATE INDEX "dialogue_posts_state_idx" ON "dialogue_posts" USING btree ("state") WHERE "dialogue_posts"."state" IN ('held', 'hidden');--> statement-breakpoint
CREATE INDEX "dialogue_posts_author_idx" ON "dialogue_posts" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "dialogue_threads_space_idx" ON "dialogue_threads" USING btree ("space_id","last_posted_at");