CREATE TABLE "dialogue_space_moderators" (
	"space_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "dialogue_space_moderators_space_id_user_id_pk" PRIMARY KEY("space_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "dialogue_space_moderators" ADD CONSTRAINT "dialogue_space_moderators_space_id_dialogue_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."dialogue_spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_space_moderators" ADD CONSTRAINT "dialogue_space_moderators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dialogue_space_moderators_user_idx" ON "dialogue_space_moderators" USING btree ("user_id");