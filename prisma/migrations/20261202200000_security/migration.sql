-- CreateEnum
CREATE TYPE "SecurityEventKind" AS ENUM ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'SIGN_OUT', 'FORBIDDEN');

-- CreateEnum
CREATE TYPE "AccountTokenKind" AS ENUM ('INVITE', 'PASSWORD_RESET', 'SETUP');

-- CreateTable
CREATE TABLE "sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "address" VARCHAR(64) NOT NULL,
    "user_agent" VARCHAR(512) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "security_events" (
    "id" BIGSERIAL NOT NULL,
    "kind" "SecurityEventKind" NOT NULL,
    "email" VARCHAR(320) NOT NULL DEFAULT '',
    "user_id" UUID,
    "address" VARCHAR(64) NOT NULL,
    "detail" VARCHAR(200) NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "security_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_tokens" (
    "id" UUID NOT NULL,
    "kind" "AccountTokenKind" NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "email" VARCHAR(320),
    "role" "Role",
    "user_id" UUID,
    "created_by_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "sessions_user_id_revoked_at_idx" ON "sessions"("user_id", "revoked_at");

-- CreateIndex
CREATE INDEX "security_events_created_at_idx" ON "security_events"("created_at" DESC);

-- CreateIndex
CREATE INDEX "security_events_user_id_created_at_idx" ON "security_events"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "account_tokens_token_hash_key" ON "account_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "account_tokens_user_id_idx" ON "account_tokens"("user_id");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "security_events" ADD CONSTRAINT "security_events_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The record of sign-ins and refusals is append-only, like the status log and the reviews. (The
-- app's database role has no UPDATE, DELETE or TRUNCATE on any table carrying refuse_change():
-- see scripts/lib/database-roles.ts.)
CREATE TRIGGER security_events_append_only BEFORE UPDATE OR DELETE ON "security_events"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON "security_events"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- An invite names the email and role it grants; a reset names its account; the first admin's
-- setup link may leave the email to the person who follows it.
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_target" CHECK (
  (kind = 'PASSWORD_RESET' AND user_id IS NOT NULL)
  OR (kind = 'INVITE' AND email IS NOT NULL AND role IS NOT NULL)
  OR (kind = 'SETUP' AND role = 'ADMIN')
);
