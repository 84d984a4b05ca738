-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'EDITOR', 'REVIEWER');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('NEWS_ARTICLE', 'STATE_MEDIA_BROADCAST', 'OFFICIAL_STATEMENT', 'INTERVIEW', 'DATASET', 'SOCIAL_POST', 'OTHER');

-- CreateEnum
CREATE TYPE "ClaimKind" AS ENUM ('QUANTITY', 'DATE', 'EVENT', 'ATTRIBUTED_STATEMENT');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('UNVERIFIED', 'IN_REVIEW', 'VERIFIED', 'DISPUTED', 'FALSE', 'RETRACTED');

-- CreateEnum
CREATE TYPE "ClaimRank" AS ENUM ('PREFERRED', 'NORMAL', 'DEPRECATED');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "RatePeriod" AS ENUM ('DAY', 'WEEK', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('SUPPORTS', 'CONTRADICTS', 'MENTIONS');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PERSON', 'OUTLET', 'BROADCASTER', 'GOVERNMENT', 'ORGANIZATION', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "VerificationRule" AS ENUM ('INDEPENDENT_ORIGINS', 'PRIMARY_SOURCE');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('APPROVE', 'SEND_BACK');

-- CreateEnum
CREATE TYPE "ConflictKind" AS ENUM ('VALUE', 'RATE_TOTAL', 'DATE', 'STATEMENT_DATE', 'MANUAL');

-- CreateEnum
CREATE TYPE "ConflictStatus" AS ENUM ('OPEN', 'RESOLVED', 'DISMISSED');

-- CreateEnum
CREATE TYPE "ConflictAction" AS ENUM ('PREFER', 'DIFFERENT_SCOPES', 'DISMISS', 'REOPEN');

-- CreateEnum
CREATE TYPE "FactSheetStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "outlet" TEXT,
    "url" TEXT,
    "kind" "SourceKind" NOT NULL,
    "published_at" DATE,
    "published_precision" "DatePrecision",
    "published_approx" BOOLEAN NOT NULL DEFAULT false,
    "language" TEXT,
    "full_text" TEXT,
    "notes" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actors" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "name_key" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "actors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metrics" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "unit" TEXT NOT NULL,
    "merged_into_id" UUID,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "metrics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tags" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claims" (
    "id" UUID NOT NULL,
    "statement" TEXT NOT NULL,
    "kind" "ClaimKind" NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'UNVERIFIED',
    "rank" "ClaimRank" NOT NULL DEFAULT 'NORMAL',
    "metric_id" UUID,
    "value_low" DECIMAL(24,6),
    "value_high" DECIMAL(24,6),
    "value_best" DECIMAL(24,6),
    "unit" TEXT,
    "rate_period" "RatePeriod",
    "as_of" DATE,
    "as_of_precision" "DatePrecision",
    "period_start" DATE,
    "period_end" DATE,
    "period_text" TEXT,
    "event_id" UUID,
    "event_date" DATE,
    "event_date_precision" "DatePrecision",
    "speaker_id" UUID,
    "content_claim_id" UUID,
    "assignee_id" UUID,
    "verification_rule" "VerificationRule",
    "verification_note" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_tags" (
    "claim_id" UUID NOT NULL,
    "tag_id" UUID NOT NULL,

    CONSTRAINT "claim_tags_pkey" PRIMARY KEY ("claim_id","tag_id")
);

-- CreateTable
CREATE TABLE "citations" (
    "id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "quote" TEXT NOT NULL,
    "start_offset" INTEGER,
    "end_offset" INTEGER,
    "stance" "Stance" NOT NULL,
    "is_primary" BOOLEAN NOT NULL DEFAULT false,
    "said_on" DATE,
    "said_precision" "DatePrecision",
    "said_text" TEXT,
    "note" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "citations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attribution_links" (
    "id" UUID NOT NULL,
    "citation_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "actor_id" UUID NOT NULL,
    "relation" TEXT,

    CONSTRAINT "attribution_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotations" (
    "id" UUID NOT NULL,
    "claim_id" UUID,
    "source_id" UUID,
    "body" TEXT NOT NULL,
    "quote" TEXT,
    "start_offset" INTEGER,
    "end_offset" INTEGER,
    "author_id" UUID NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "annotations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comments" (
    "id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "parent_id" UUID,
    "body" TEXT NOT NULL,
    "author_id" UUID NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,
    "deleted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "note" TEXT,
    "claim_version" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "status_changes" (
    "id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "from_status" "ClaimStatus",
    "to_status" "ClaimStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "rule" "VerificationRule",
    "actor_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conflicts" (
    "id" UUID NOT NULL,
    "kind" "ConflictKind" NOT NULL,
    "status" "ConflictStatus" NOT NULL DEFAULT 'OPEN',
    "summary" TEXT NOT NULL,
    "detail" JSONB,
    "fingerprint" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "conflicts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conflict_claims" (
    "conflict_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "claim_version" INTEGER NOT NULL,

    CONSTRAINT "conflict_claims_pkey" PRIMARY KEY ("conflict_id","claim_id")
);

-- CreateTable
CREATE TABLE "conflict_decisions" (
    "id" UUID NOT NULL,
    "conflict_id" UUID NOT NULL,
    "action" "ConflictAction" NOT NULL,
    "preferred_claim_id" UUID,
    "note" TEXT NOT NULL,
    "actor_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conflict_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fact_sheets" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT,
    "status" "FactSheetStatus" NOT NULL DEFAULT 'DRAFT',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "fact_sheets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fact_sheet_claims" (
    "fact_sheet_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "fact_sheet_claims_pkey" PRIMARY KEY ("fact_sheet_id","claim_id")
);

-- CreateTable
CREATE TABLE "fact_sheet_snapshots" (
    "id" UUID NOT NULL,
    "fact_sheet_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "published_by_id" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fact_sheet_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_role_idx" ON "users"("role");

-- CreateIndex
CREATE INDEX "sources_created_at_id_idx" ON "sources"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "sources_outlet_idx" ON "sources"("outlet");

-- CreateIndex
CREATE INDEX "sources_url_idx" ON "sources"("url");

-- CreateIndex
CREATE INDEX "sources_kind_idx" ON "sources"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "actors_name_key_key" ON "actors"("name_key");

-- CreateIndex
CREATE UNIQUE INDEX "metrics_name_key" ON "metrics"("name");

-- CreateIndex
CREATE INDEX "metrics_merged_into_id_idx" ON "metrics"("merged_into_id");

-- CreateIndex
CREATE UNIQUE INDEX "events_name_key" ON "events"("name");

-- CreateIndex
CREATE UNIQUE INDEX "tags_name_key" ON "tags"("name");

-- CreateIndex
CREATE INDEX "claims_created_at_id_idx" ON "claims"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "claims_updated_at_id_idx" ON "claims"("updated_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "claims_status_created_at_id_idx" ON "claims"("status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "claims_kind_created_at_id_idx" ON "claims"("kind", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "claims_assignee_id_status_idx" ON "claims"("assignee_id", "status");

-- CreateIndex
CREATE INDEX "claims_metric_id_as_of_idx" ON "claims"("metric_id", "as_of");

-- CreateIndex
CREATE INDEX "claims_metric_id_period_start_period_end_idx" ON "claims"("metric_id", "period_start", "period_end");

-- CreateIndex
CREATE INDEX "claims_event_id_event_date_idx" ON "claims"("event_id", "event_date");

-- CreateIndex
CREATE INDEX "claims_speaker_id_idx" ON "claims"("speaker_id");

-- CreateIndex
CREATE INDEX "claims_content_claim_id_idx" ON "claims"("content_claim_id");

-- CreateIndex
CREATE INDEX "claims_created_by_id_idx" ON "claims"("created_by_id");

-- CreateIndex
CREATE INDEX "claim_tags_tag_id_claim_id_idx" ON "claim_tags"("tag_id", "claim_id");

-- CreateIndex
CREATE INDEX "citations_claim_id_idx" ON "citations"("claim_id");

-- CreateIndex
CREATE INDEX "citations_source_id_idx" ON "citations"("source_id");

-- CreateIndex
CREATE INDEX "attribution_links_actor_id_idx" ON "attribution_links"("actor_id");

-- CreateIndex
CREATE UNIQUE INDEX "attribution_links_citation_id_position_key" ON "attribution_links"("citation_id", "position");

-- CreateIndex
CREATE INDEX "annotations_claim_id_created_at_idx" ON "annotations"("claim_id", "created_at");

-- CreateIndex
CREATE INDEX "annotations_source_id_start_offset_idx" ON "annotations"("source_id", "start_offset");

-- CreateIndex
CREATE INDEX "comments_claim_id_created_at_idx" ON "comments"("claim_id", "created_at");

-- CreateIndex
CREATE INDEX "comments_parent_id_idx" ON "comments"("parent_id");

-- CreateIndex
CREATE INDEX "comments_created_at_idx" ON "comments"("created_at" DESC);

-- CreateIndex
CREATE INDEX "reviews_claim_id_created_at_idx" ON "reviews"("claim_id", "created_at");

-- CreateIndex
CREATE INDEX "status_changes_claim_id_created_at_idx" ON "status_changes"("claim_id", "created_at");

-- CreateIndex
CREATE INDEX "status_changes_created_at_idx" ON "status_changes"("created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "conflicts_fingerprint_key" ON "conflicts"("fingerprint");

-- CreateIndex
CREATE INDEX "conflicts_status_created_at_idx" ON "conflicts"("status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "conflict_claims_claim_id_idx" ON "conflict_claims"("claim_id");

-- CreateIndex
CREATE INDEX "conflict_decisions_conflict_id_created_at_idx" ON "conflict_decisions"("conflict_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "fact_sheets_slug_key" ON "fact_sheets"("slug");

-- CreateIndex
CREATE INDEX "fact_sheets_updated_at_idx" ON "fact_sheets"("updated_at" DESC);

-- CreateIndex
CREATE INDEX "fact_sheet_claims_claim_id_idx" ON "fact_sheet_claims"("claim_id");

-- CreateIndex
CREATE UNIQUE INDEX "fact_sheet_claims_fact_sheet_id_position_key" ON "fact_sheet_claims"("fact_sheet_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "fact_sheet_snapshots_fact_sheet_id_number_key" ON "fact_sheet_snapshots"("fact_sheet_id", "number");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_created_at_idx" ON "audit_log"("entity_type", "entity_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_created_at_idx" ON "audit_log"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at" DESC);

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "metrics"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metrics"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_speaker_id_fkey" FOREIGN KEY ("speaker_id") REFERENCES "actors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_content_claim_id_fkey" FOREIGN KEY ("content_claim_id") REFERENCES "claims"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_tags" ADD CONSTRAINT "claim_tags_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_tags" ADD CONSTRAINT "claim_tags_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citations" ADD CONSTRAINT "citations_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citations" ADD CONSTRAINT "citations_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citations" ADD CONSTRAINT "citations_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attribution_links" ADD CONSTRAINT "attribution_links_citation_id_fkey" FOREIGN KEY ("citation_id") REFERENCES "citations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attribution_links" ADD CONSTRAINT "attribution_links_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "status_changes" ADD CONSTRAINT "status_changes_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflicts" ADD CONSTRAINT "conflicts_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_claims" ADD CONSTRAINT "conflict_claims_conflict_id_fkey" FOREIGN KEY ("conflict_id") REFERENCES "conflicts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_claims" ADD CONSTRAINT "conflict_claims_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_decisions" ADD CONSTRAINT "conflict_decisions_conflict_id_fkey" FOREIGN KEY ("conflict_id") REFERENCES "conflicts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_decisions" ADD CONSTRAINT "conflict_decisions_preferred_claim_id_fkey" FOREIGN KEY ("preferred_claim_id") REFERENCES "claims"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_decisions" ADD CONSTRAINT "conflict_decisions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_sheets" ADD CONSTRAINT "fact_sheets_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_sheet_claims" ADD CONSTRAINT "fact_sheet_claims_fact_sheet_id_fkey" FOREIGN KEY ("fact_sheet_id") REFERENCES "fact_sheets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_sheet_claims" ADD CONSTRAINT "fact_sheet_claims_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_sheet_snapshots" ADD CONSTRAINT "fact_sheet_snapshots_fact_sheet_id_fkey" FOREIGN KEY ("fact_sheet_id") REFERENCES "fact_sheets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fact_sheet_snapshots" ADD CONSTRAINT "fact_sheet_snapshots_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written below: what schema.prisma cannot say.

-- The status log, the audit log and published snapshots are append-only in the database itself.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER status_changes_append_only BEFORE UPDATE OR DELETE ON "status_changes"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER status_changes_no_truncate BEFORE TRUNCATE ON "status_changes"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER fact_sheet_snapshots_append_only BEFORE UPDATE OR DELETE ON "fact_sheet_snapshots"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER fact_sheet_snapshots_no_truncate BEFORE TRUNCATE ON "fact_sheet_snapshots"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Rules no writer may break, whatever the code above the database does.
ALTER TABLE "claims" ADD CONSTRAINT "claims_range_ordered"
  CHECK (value_low IS NULL OR value_high IS NULL OR value_low <= value_high);
ALTER TABLE "claims" ADD CONSTRAINT "claims_best_in_range"
  CHECK (value_best IS NULL OR ((value_low IS NULL OR value_low <= value_best) AND (value_high IS NULL OR value_best <= value_high)));
ALTER TABLE "claims" ADD CONSTRAINT "claims_period_ordered"
  CHECK (period_start IS NULL OR period_end IS NULL OR period_start <= period_end);
ALTER TABLE "claims" ADD CONSTRAINT "claims_version_positive" CHECK (version >= 1);
ALTER TABLE "claims" ADD CONSTRAINT "claims_statement_not_blank" CHECK (length(btrim(statement)) > 0);
ALTER TABLE "citations" ADD CONSTRAINT "citations_offsets_ordered"
  CHECK ((start_offset IS NULL AND end_offset IS NULL) OR (start_offset >= 0 AND end_offset > start_offset));
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_target"
  CHECK (claim_id IS NOT NULL OR source_id IS NOT NULL);
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_offsets_ordered"
  CHECK ((start_offset IS NULL AND end_offset IS NULL) OR (start_offset >= 0 AND end_offset > start_offset));
ALTER TABLE "attribution_links" ADD CONSTRAINT "attribution_links_position" CHECK (position >= 0);
ALTER TABLE "users" ADD CONSTRAINT "users_email_lower" CHECK (email = lower(email));
