import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { RangePager } from "@/components/ui/range-pager";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AddClaimForm } from "@/components/fact-sheets/add-claim-form";
import { ArrangeClaims } from "@/components/fact-sheets/arrange-claims";
import { LinksCard } from "@/components/fact-sheets/links-card";
import { Markdown } from "@/components/fact-sheets/markdown";
import { WatchNotice } from "@/components/fact-sheets/watch-notice";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isUuid } from "@/lib/ids";
import { can } from "@/lib/permissions";
import { listLinks } from "@/lib/server/fact-sheet-links";
import { draftChanges, type DraftChanges } from "@/lib/server/fact-sheet-publishing";
import { watchSheets } from "@/lib/server/fact-sheet-watches";
import { getSheet } from "@/lib/server/fact-sheets";
import { requireUser } from "@/lib/server/session";
import { SHEET_PAGE_CLAIMS } from "@/lib/schemas/factsheet";
import { formatDate } from "@/lib/values";

type Params = { params: Promise<{ id: string }> };

/** The blocked claims listed by name at the top; the rest are marked in the list of claims. */
const BLOCKED_LISTED = 20;

/** The sheet with the page of claims from position `from`, read once for the metadata and the page. */
const loadSheet = cache(async (id: string, from?: number) => (isUuid(id) ? getSheet(await requireUser(), id, { from, listBlocked: BLOCKED_LISTED }) : null));

type SearchParams = { searchParams: Promise<{ from?: string }> };

export async function generateMetadata({ params, searchParams }: Params & SearchParams): Promise<Metadata> {
  const sheet = await loadSheet((await params).id, Number((await searchParams).from));
  return { title: sheet ? sheet.title : "Fact sheet" };
}

export default async function FactSheetPage({ params, searchParams }: Params & SearchParams) {
  const user = await requireUser();
  // A page of claims at a time, from the position asked for (keyed by position, which the sheet's unique (sheet, position) key orders).
  const sheet = await loadSheet((await params).id, Number((await searchParams).from));
  if (!sheet) notFound();
  const editable = can(user.role, "factsheets:write");
  const publisher = can(user.role, "factsheets:publish");
  // The next version itself (every claim with its evidence, hashed) is built on the publish page, when asked.
  const [changes, [watch], links] = await Promise.all([publisher ? draftChanges(user, sheet) : null, watchSheets(user, { sheetId: sheet.id }), listLinks(user, sheet.id)]);
  const latest = sheet.snapshots[0];
  const { blocked, members, start, claims: shown } = sheet;
  const total = members.length;
  const publishable = total - blocked.count;
  const pageHref = (index: number) => `/fact-sheets/${sheet.id}?from=${members[index]!.position}#claims-heading`;
  const nextNumber = (latest?.number ?? 0) + 1;

  return (
    <article className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/fact-sheets" className="text-muted-foreground hover:text-foreground">
          ← All fact sheets
        </Link>
      </nav>
      <header className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="font-serif text-3xl font-bold tracking-tight">{sheet.title}</h1>
          {editable ? (
            <Link href={`/fact-sheets/${sheet.id}/edit`} className="rounded-md border border-border bg-card px-4 py-2 text-sm font-medium hover:bg-muted">
              Edit title and summary
            </Link>
          ) : null}
        </div>
        <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
          <Badge className={latest ? "bg-[var(--status-verified-bg)] text-[var(--status-verified)]" : "bg-muted text-foreground"}>{latest ? `Published: version ${latest.number}` : "Draft"}</Badge>
          <span>
            {total} {total === 1 ? "claim" : "claims"}&nbsp;· created by {sheet.createdBy.name} on {formatDate(sheet.createdAt)}
          </span>
          {latest ? (
            <Link href={`/fact-sheets/${sheet.id}/v/${latest.number}`} className="underline">
              Read version {latest.number}
            </Link>
          ) : null}
        </p>
        {watch ? <WatchNotice watch={watch} /> : null}
        {sheet.description ? <Markdown>{sheet.description}</Markdown> : <p className="text-sm text-muted-foreground">No summary yet.</p>}
      </header>

      {blocked.count ? (
        <Card aria-labelledby="blocked-heading" data-testid="not-publishable">
          <h2 id="blocked-heading" className="font-semibold">
            Not publishable ({blocked.count}): left out when you publish
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {blocked.listed.map((c) => (
              <li key={c.id}>
                <Link href={`/claims/${c.id}`} className="underline-offset-2 hover:underline">
                  {c.statement}
                </Link>{" "}
                — <span className="font-medium">{c.reasonText}</span>
              </li>
            ))}
          </ul>
          {blocked.count > blocked.listed.length ? (
            <p className="mt-2 text-sm text-muted-foreground">…and {blocked.count - blocked.listed.length} more, each marked “Not publishable” in the list of claims.</p>
          ) : null}
        </Card>
      ) : null}

      <Card aria-labelledby="claims-heading" className="space-y-4">
        <h2 id="claims-heading" className="text-lg font-semibold">
          Claims
        </h2>
        {total > SHEET_PAGE_CLAIMS ? (
          <RangePager
            label="Pages of claims"
            noun="Claims"
            first={start + 1}
            last={start + shown.length}
            total={total}
            pageSize={SHEET_PAGE_CLAIMS}
            hint="Up and Down move a claim within this page."
            previous={start > 0 ? pageHref(Math.max(0, start - SHEET_PAGE_CLAIMS)) : null}
            next={start + SHEET_PAGE_CLAIMS < total ? pageHref(start + SHEET_PAGE_CLAIMS) : null}
          />
        ) : null}
        <ArrangeClaims
          key={`${sheet.version}-${start}`}
          sheetId={sheet.id}
          version={sheet.version}
          editable={editable}
          first={start + 1}
          total={total}
          items={shown.map((c) => ({ id: c.id, statement: c.statement, status: c.status, valueText: c.valueText, section: c.section, reasonText: c.reasonText }))}
        />
        {editable ? (
          <div className="border-t border-border pt-4">
            <AddClaimForm key={sheet.version} sheetId={sheet.id} version={sheet.version} />
            <p className="mt-2 text-sm text-muted-foreground">
              To add many at once, filter the <Link href="/claims?status=VERIFIED" className="underline">claims list</Link> and use “Add these claims to a fact sheet”.
            </p>
          </div>
        ) : null}
      </Card>

      {publisher ? (
        <Card aria-labelledby="publish-heading" className="space-y-3" data-testid="publish-card">
          <h2 id="publish-heading" className="text-lg font-semibold">
            {latest ? "Publish a new version" : "Publish"}
          </h2>
          {publishable === 0 ? (
            <p className="text-sm">Nothing can be published yet: verify at least one claim on the sheet, with no open conflict.</p>
          ) : (
            <>
              <p className="text-sm">
                Version {nextNumber} would publish {publishable} {publishable === 1 ? "claim" : "claims"}
                {blocked.count ? ` and leave out ${blocked.count}` : ""}.
              </p>
              {changes ? <ChangesSince changes={changes} changedClaims={watch?.claims.length ?? 0} /> : null}
              <Button asChild>
                <Link href={`/fact-sheets/${sheet.id}/publish`}>{latest ? `Review the changes and publish version ${nextNumber}` : "Review and publish version 1"}</Link>
              </Button>
            </>
          )}
        </Card>
      ) : null}

      <Card aria-labelledby="versions-heading" className="space-y-3">
        <h2 id="versions-heading" className="text-lg font-semibold">
          Versions
        </h2>
        {sheet.snapshots.length ? (
          <ol className="space-y-2 text-sm">
            {sheet.snapshots.map((s) => (
              <li key={s.id} className="rounded-md border border-border px-3 py-2">
                <Link href={`/fact-sheets/${sheet.id}/v/${s.number}`} className="font-medium underline">
                  Version {s.number}
                </Link>{" "}
                <span className="text-muted-foreground">
                  published {formatDate(s.publishedAt)} by {s.publishedBy.name}
                </span>
                {s.changeNote ? <p className="mt-1">{s.changeNote}</p> : null}
                <p className="mt-1 break-all font-mono text-xs text-muted-foreground">SHA-256 {s.contentHash}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-muted-foreground">Not published yet.</p>
        )}
      </Card>

      {latest ? (
        <Card aria-labelledby="links-heading" className="space-y-3">
          <h2 id="links-heading" className="text-lg font-semibold">
            Public links
          </h2>
          <p className="text-sm text-muted-foreground">Anyone with a link reads the published version, signed out; revoking it makes it answer “not found”.</p>
          <LinksCard
            sheetId={sheet.id}
            canManage={publisher}
            versions={sheet.snapshots.map((s) => s.number)}
            links={links.map((l) => ({ id: l.id, number: l.snapshot?.number ?? null, createdAt: l.createdAt.toISOString(), createdBy: l.createdBy.name }))}
          />
        </Card>
      ) : null}
    </article>
  );
}

/** Since the latest version, told from keys: what the publish page's diff will show in full. */
function ChangesSince({ changes, changedClaims }: { changes: DraftChanges; changedClaims: number }) {
  const items = [
    changes.added ? `${changes.added} ${changes.added === 1 ? "claim" : "claims"} to add` : null,
    changes.removed ? `${changes.removed} ${changes.removed === 1 ? "claim" : "claims"} to leave out` : null,
    changedClaims ? `${changedClaims} published ${changedClaims === 1 ? "claim" : "claims"} changed (listed above)` : null,
    changes.reordered ? "the order changed" : null,
    changes.sheetEdited ? "the sheet was edited (title, summary, sections or claims)" : null,
  ].filter((i) => i !== null);
  if (!items.length) return <p className="text-sm" data-testid="draft-state">Nothing changed since version {changes.number}.</p>;
  return (
    <div className="text-sm" data-testid="draft-state">
      <p className="font-medium">Changed since version {changes.number}:</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </div>
  );
}

