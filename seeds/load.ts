// Loads seeds/data.ts in one transaction. Idempotent: every row has a stable id (or a unique
// name) and is inserted only when missing, so a second run adds nothing, not even audit entries.
import { createHash } from "node:crypto";
import { anchorQuote } from "../lib/anchoring";
import { nameKey } from "../lib/name-keys";
import { hashPassword } from "../lib/passwords";
import type { AuditEntry } from "../lib/server/audit";
import type { Db, Prisma } from "../prisma/client";
import {
  seedActors,
  seedNotes,
  seedClaims,
  seedComments,
  seedEvents,
  seedMetrics,
  seedPassageNotes,
  seedSources,
  seedUsers,
  type Key,
} from "./data";

type Tx = Prisma.TransactionClient;

/** A stable UUID (v5 layout) for a seed row, so re-running finds the row it made before. */
export function seedId(kind: string, key: string): string {
  const h = createHash("sha1").update(`factdesk-seed:${kind}:${key}`).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const day = (iso: string | undefined) => (iso ? new Date(`${iso}T00:00:00Z`) : undefined);

export interface SeedResult {
  created: number;
}

export async function seedDatabase(db: Db, env: Record<string, string | undefined> = process.env): Promise<SeedResult> {
  // Hash outside the transaction: argon2 is deliberately slow.
  const existingEmails = new Set(
    (await db.user.findMany({ where: { email: { in: seedUsers.map((u) => u.email) } }, select: { email: true } })).map((u) => u.email),
  );
  const newUsers = await Promise.all(
    seedUsers
      .filter((u) => !existingEmails.has(u.email))
      .map(async (u) => ({
        id: seedId("user", u.key),
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash: await hashPassword(env[u.passwordEnv] || u.defaultPassword),
      })),
  );
  const result = await db.$transaction(
    async (tx) => {
      const loaded = await loadRows(tx, newUsers);
      if (loaded.claimIds.length) {
        // The seeds hold a rate-versus-total conflict and statement-date questions: find them as a
        // save would, in the same transaction. Imported here so that reading seed ids does not load
        // the data-access layer.
        const { detectConflicts } = await import("../lib/server/conflicts/detect-on-save");
        const { writeAudit } = await import("../lib/server/audit");
        const entries: AuditEntry[] = [];
        await detectConflicts(tx, loaded.claimIds, null, (e) => entries.push(e));
        await writeAudit(tx, null, entries);
      }
      return loaded;
    },
    { timeout: 60_000 },
  );
  return { created: result.created };
}

async function loadRows(tx: Tx, newUsers: Prisma.UserCreateManyInput[]): Promise<SeedResult & { claimIds: string[] }> {
  const audit: Prisma.AuditLogCreateManyInput[] = [];
  const record = (entityType: string, rows: { id: string | bigint }[]) => {
    for (const row of rows) {
      audit.push({ action: "seed.create", entityType, entityId: String(row.id), after: JSON.parse(JSON.stringify(row)) });
    }
    return rows.length;
  };
  let created = 0;

  created += record("User", await tx.user.createManyAndReturn({ data: newUsers, skipDuplicates: true, omit: { passwordHash: true } }));
  const users = await idsBy(tx.user.findMany({ where: { email: { in: seedUsers.map((u) => u.email) } }, select: { id: true, email: true } }), "email");
  const userId = (key: Key) => users.get(seedUsers.find((u) => u.key === key)!.email)!;
  const editor = userId("editor");

  const newSources = await tx.source.createManyAndReturn({
    data: seedSources.map((s) => ({
      id: seedId("source", s.key),
      title: s.title,
      outlet: s.outlet,
      kind: s.kind,
      publishedAt: day(s.publishedAt),
      publishedPrecision: s.publishedPrecision,
      publishedApprox: s.publishedApprox,
      language: s.language,
      fullText: s.fullText,
      notes: s.notes,
      createdById: editor,
    })),
    skipDuplicates: true,
  });
  created += record("Source", newSources);
  // A quote in a source whose text is stored is anchored at its first occurrence.
  const anchor = (sourceKey: Key, quote: string) => {
    const placed = anchorQuote(seedSources.find((s) => s.key === sourceKey)?.fullText ?? null, quote);
    if (!placed.ok) throw new Error(`Seed quote not in the text of ${sourceKey}: ${quote}`);
    return { startOffset: placed.startOffset, endOffset: placed.endOffset };
  };

  created += record(
    "Actor",
    await tx.actor.createManyAndReturn({
      data: seedActors.map((a) => ({ id: seedId("actor", a.key), name: a.name, nameKey: nameKey(a.name), kind: a.kind, description: a.description })),
      skipDuplicates: true,
    }),
  );
  const actorsByKey = await idsBy(tx.actor.findMany({ where: { nameKey: { in: seedActors.map((a) => nameKey(a.name)) } }, select: { id: true, nameKey: true } }), "nameKey");
  const actorId = (key: Key) => actorsByKey.get(nameKey(seedActors.find((a) => a.key === key)!.name))!;

  created += record(
    "Metric",
    await tx.metric.createManyAndReturn({
      data: seedMetrics.map((m) => ({ id: seedId("metric", m.key), name: m.name, unit: m.unit, createdById: editor })),
      skipDuplicates: true,
    }),
  );
  const metricsByName = await idsBy(tx.metric.findMany({ where: { name: { in: seedMetrics.map((m) => m.name) } }, select: { id: true, name: true } }), "name");
  const metricId = (key: Key | undefined) => (key ? metricsByName.get(seedMetrics.find((m) => m.key === key)!.name) : undefined);

  created += record(
    "Event",
    await tx.event.createManyAndReturn({
      data: seedEvents.map((e) => ({ id: seedId("event", e.key), name: e.name, createdById: editor })),
      skipDuplicates: true,
    }),
  );
  const eventsByName = await idsBy(tx.event.findMany({ where: { name: { in: seedEvents.map((e) => e.name) } }, select: { id: true, name: true } }), "name");
  const eventId = (key: Key | undefined) => (key ? eventsByName.get(seedEvents.find((e) => e.key === key)!.name) : undefined);

  const tagNames = [...new Set(seedClaims.flatMap((c) => c.tags))];
  created += record("Tag", await tx.tag.createManyAndReturn({ data: tagNames.map((name) => ({ id: seedId("tag", name), name })), skipDuplicates: true }));
  const tagsByName = await idsBy(tx.tag.findMany({ where: { name: { in: tagNames } }, select: { id: true, name: true } }), "name");

  // Listed newest first in data order; claims that others point at go in first.
  const base = Date.now();
  const claimRows = seedClaims.map((c, i) => ({
    id: seedId("claim", c.key),
    statement: c.statement,
    kind: c.kind,
    status: c.status ?? "UNVERIFIED",
    metricId: metricId(c.metric),
    valueLow: c.low,
    valueHigh: c.high,
    valueBest: c.best,
    unit: c.unit,
    ratePeriod: c.ratePeriod,
    asOf: day(c.asOf),
    asOfPrecision: c.asOfPrecision,
    periodStart: day(c.periodStart),
    periodText: c.periodText,
    eventId: eventId(c.event),
    eventDate: day(c.eventDate),
    eventDatePrecision: c.eventDatePrecision,
    speakerId: c.speaker ? actorId(c.speaker) : undefined,
    contentClaimId: c.contentClaim ? seedId("claim", c.contentClaim) : undefined,
    assigneeId: c.assignee ? userId(c.assignee) : undefined,
    createdById: editor,
    createdAt: new Date(base - i * 60_000),
  }));
  const newClaims = [
    ...(await tx.claim.createManyAndReturn({ data: claimRows.filter((c) => !c.contentClaimId), skipDuplicates: true })),
    ...(await tx.claim.createManyAndReturn({ data: claimRows.filter((c) => c.contentClaimId), skipDuplicates: true })),
  ];
  created += record("Claim", newClaims);
  const isNew = new Set(newClaims.map((c) => c.id));

  // Everything below hangs off a claim: only new claims get it, so a re-run adds nothing.
  const fresh = seedClaims.filter((c) => isNew.has(seedId("claim", c.key)));
  const statusChanges: Prisma.StatusChangeCreateManyInput[] = fresh.flatMap((c) => {
    const claimId = seedId("claim", c.key);
    const at = new Date(base);
    const first = { id: seedId("status", `${c.key}:0`), claimId, fromStatus: null, toStatus: "UNVERIFIED" as const, reason: "Recorded from the seed articles.", actorId: editor, createdAt: at };
    if (c.status !== "IN_REVIEW") return [first];
    return [
      first,
      { id: seedId("status", `${c.key}:1`), claimId, fromStatus: "UNVERIFIED" as const, toStatus: "IN_REVIEW" as const, reason: "Ready for a second pair of eyes.", actorId: editor, createdAt: new Date(base + 1000) },
    ];
  });
  created += record("StatusChange", await tx.statusChange.createManyAndReturn({ data: statusChanges }));

  created += record(
    "ClaimTag",
    (await tx.claimTag.createManyAndReturn({
      data: fresh.flatMap((c) => c.tags.map((t) => ({ claimId: seedId("claim", c.key), tagId: tagsByName.get(t)! }))),
    })).map((r) => ({ id: `${r.claimId}:${r.tagId}` })),
  );

  const citations = fresh.flatMap((c) =>
    c.citations.map((ci, n) => ({ claimKey: c.key, citation: ci, id: seedId("citation", `${c.key}:${n}`) })),
  );
  created += record(
    "Citation",
    await tx.citation.createManyAndReturn({
      data: citations.map(({ claimKey, citation: ci, id }) => ({
        id,
        claimId: seedId("claim", claimKey),
        sourceId: seedId("source", ci.source),
        quote: ci.quote,
        ...anchor(ci.source, ci.quote),
        stance: ci.stance,
        isPrimary: ci.isPrimary ?? false,
        saidOn: day(ci.saidOn),
        saidPrecision: ci.saidPrecision,
        saidText: ci.saidText,
        note: ci.note,
        createdById: editor,
      })),
    }),
  );
  created += record(
    "AttributionLink",
    await tx.attributionLink.createManyAndReturn({
      data: citations.flatMap(({ citation, id }) =>
        citation.chain.map(([actor, relation], position) => ({ id: seedId("link", `${id}:${position}`), citationId: id, position, actorId: actorId(actor), relation })),
      ),
    }),
  );

  created += record(
    "Annotation",
    await tx.note.createManyAndReturn({
      data: seedNotes
        .filter((a) => isNew.has(seedId("claim", a.claim)))
        .map((a) => ({ id: seedId("annotation", a.claim), claimId: seedId("claim", a.claim), authorId: userId(a.author), body: a.body })),
    }),
  );
  const newSourceIds = new Set(newSources.map((s) => s.id));
  created += record(
    "Annotation",
    await tx.note.createManyAndReturn({
      data: seedPassageNotes
        .filter((n) => newSourceIds.has(seedId("source", n.source)))
        .map((n) => ({
          id: seedId("annotation", `${n.source}:${n.quote}`),
          sourceId: seedId("source", n.source),
          quote: n.quote,
          ...anchor(n.source, n.quote),
          authorId: userId(n.author),
          body: n.body,
        })),
    }),
  );
  created += record(
    "Comment",
    await tx.comment.createManyAndReturn({
      data: seedComments
        .filter((c) => isNew.has(seedId("claim", c.claim)))
        .map((c) => ({ id: seedId("comment", c.claim), claimId: seedId("claim", c.claim), authorId: userId(c.author), body: c.body })),
    }),
  );

  if (audit.length) await tx.auditLog.createMany({ data: audit });
  return { created, claimIds: [...isNew] };
}

async function idsBy<K extends string>(rows: Promise<({ id: string } & Record<K, string>)[]>, key: K): Promise<Map<string, string>> {
  return new Map((await rows).map((r) => [r[key], r.id]));
}
