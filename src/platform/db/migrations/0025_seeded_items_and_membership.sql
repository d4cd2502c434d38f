-- Seeded Knowledge Centre items are marked so, for editors. An organisation's membership is
-- guest, associate or none (an institution listed as a resource, not a member): until now only
-- an "associate" flag and the kind "guest-city" said it, and institutions such as FRA and UCLG
-- looked like active members in administration.
ALTER TABLE "items" ADD COLUMN "seeded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "membership" text DEFAULT 'associate' NOT NULL;--> statement-breakpoint
UPDATE "organisations" SET "membership" = CASE
  WHEN "kind" = 'guest-city' THEN 'guest'
  WHEN "associate_member" THEN 'associate'
  ELSE 'none' END;--> statement-breakpoint
UPDATE "organisations" SET "kind" = 'municipality' WHERE "kind" = 'guest-city';--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_membership_check"
  CHECK ("membership" IN ('guest', 'associate', 'none'));
