-- The membership column (0025) says what the flag said.
ALTER TABLE "organisations" DROP COLUMN "associate_member";
