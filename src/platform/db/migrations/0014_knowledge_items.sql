CREATE TABLE "item_relations" (
	"item_id" uuid NOT NULL,
	"related_id" uuid NOT NULL,
	CONSTRAINT "item_relations_item_id_related_id_pk" PRIMARY KEY("item_id","related_id")
);
--> statement-breakpoint
CREATE TABLE "item_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"fields" jsonb NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_translations" (
	"item_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'original' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "item_translations_item_id_locale_pk" PRIMARY KEY("item_id","locale")
);
--> statement-breakpoint
CREATE TABLE "items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"section" text NOT NULL,
	"slug" text NOT NULL,
	"access" "access_level" DEFAULT 'public' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"date" date NOT NULL,
	"original_locale" text NOT NULL,
	"restricted_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdgs" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"sdg_targets" text[] DEFAULT '{}'::text[] NOT NULL,
	"rights" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_documents" (
	"item_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"layer" text NOT NULL,
	"type" text NOT NULL,
	"section" text NOT NULL,
	"slug" text NOT NULL,
	"visible_from" timestamp with time zone NOT NULL,
	"date" date NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"sdgs" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"title" text NOT NULL,
	"vector" "tsvector" NOT NULL,
	CONSTRAINT "search_documents_item_id_locale_layer_pk" PRIMARY KEY("item_id","locale","layer")
);
--> statement-breakpoint
CREATE TABLE "search_terms" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE "item_relations" ADD CONSTRAINT "item_relations_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_relations" ADD CONSTRAINT "item_relations_related_id_items_id_fk" FOREIGN KEY ("related_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_revisions" ADD CONSTRAINT "item_revisions_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_revisions" ADD CONSTRAINT "item_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_translations" ADD CONSTRAINT "item_translations_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "item_revisions_number_key" ON "item_revisions" USING btree ("item_id","locale","number");--> statement-breakpoint
CREATE UNIQUE INDEX "items_slug_key" ON "items" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "items_section_idx" ON "items" USING btree ("section","status","date");--> statement-breakpoint
CREATE INDEX "items_status_idx" ON "items" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "search_documents_vector_idx" ON "search_documents" USING gin ("vector");--> statement-breakpoint
CREATE INDEX "search_documents_date_idx" ON "search_documents" USING btree ("layer","date" DESC NULLS LAST,"item_id");--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("word" gin_trgm_ops);