import { describe, expect, it } from "vitest";
import { scanAllConflicts } from "@/lib/server/conflicts/full-rescan";
import { ForbiddenError, type SessionUser } from "@/lib/server/authorize";
import { createClaim, updateClaim } from "@/lib/server/claim-edits";
import { changeStatus } from "@/lib/server/claim-status";
import { updateCitation } from "@/lib/server/citations";
import { decideConflict, flagConflict, listConflicts, countConflicts } from "@/lib/server/conflicts";
import { reviewClaim } from "@/lib/server/reviews";
import { findActiveUser } from "@/lib/server/users";
import { claimSchema, editClaimSchema } from "@/lib/schemas/claim";
import { decideConflictSchema, flagConflictSchema } from "@/lib/schemas/conflict";
import { editCitationSchema } from "@/lib/schemas/citation";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

describe("conflicts", () => {
  const { db } = useMigratedDatabase();
  const actor = async (who: "editor" | "admin" | "reviewer"): Promise<SessionUser> =>
    (await findActiveUser((await db().user.findUniqueOrThrow({ where: { email: `${who}@factdesk.test` } })).id))!;
  const id = (key: string) => seedId("claim", key);
  const conflictOf = (kind: string, ...keys: string[]) =>
    db().conflict.findFirstOrThrow({
      where: { kind: kind as never, AND: keys.map((k) => ({ claims: { some: { claimId: id(k) } } })) },
      include: { claims: true, decisions: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] } },
    });
  const claim = (key: string) => db().claim.findUniqueOrThrow({ where: { id: id(key) } });
  const snapshot = async () => ({
    conflicts: await db().conflict.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, version: true } }),
    decisions: await db().conflictDecision.count(),
    audit: await db().auditLog.count(),
    claims: await db().claim.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, rank: true, metricId: true } }),
  });

  it("finds the seeds' rate-versus-total conflict and statement-date questions on a freshly seeded database", async () => {
    await seedDatabase(db());
    const open = await db().conflict.findMany({ where: { status: "OPEN" }, include: { claims: true } });
    expect(open.map((c) => c.kind).sort()).toEqual(["RATE_TOTAL", "STATEMENT_DATE", "STATEMENT_DATE", "STATEMENT_DATE"]);
    const rate = await conflictOf("RATE_TOTAL", "ru-deaths-range", "ru-deaths-rate");
    expect(rate.summary).toBe("100 a day over 158–188 days makes 15,800–18,800: it fits only the low end of the total 15,000–25,000.");
    expect((rate.detail as { arithmetic: string[] }).arithmetic[0]).toBe("100 a day × 158–188 days (24 Feb 2022 to Aug 2022) = 15,800–18,800 in total.");
    for (const key of ["matsegora-builders", "matsegora-nothing", "matsegora-sanctions"]) {
      const question = await conflictOf("STATEMENT_DATE", key);
      expect(question.claims).toHaveLength(1);
      expect(question.summary).toContain("“in July” (Jul 2022)");
      expect(question.summary).toContain("“Monday” (between 27 Jun 2022 and 25 Jul 2022, read against publication in Jul 2022)");
    }
    // "One of the only countries" beside "three countries" is consistent: nothing raised.
    expect(await db().conflictClaim.count({ where: { claimId: id("recognising-countries") } })).toBe(0);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: rate.id, action: "conflict.detect" } });
    expect(audit.actorId).toBeNull();
    // Seeding again, or scanning everything, finds the same conflicts and opens nothing new.
    await seedDatabase(db());
    const scan = await scanAllConflicts(db());
    expect(scan).toMatchObject({ found: 4, opened: 0, reopened: 0, cleared: 0 });
    expect(await db().conflict.count()).toBe(4);
  });

  it("finds a value conflict on save, after reading “30k” as 30,000, and none for “100k”", async () => {
    const editor = await actor("editor");
    const base = { kind: "QUANTITY", metricId: seedId("metric", "nk-volunteers"), unit: "People", asOf: "2022-08-10", asOfPrecision: "DAY", tags: "" } as const;
    const same = await createClaim(editor, claimSchema.parse({ ...base, statement: "North Korea offered Russia one hundred thousand volunteers.", valueBest: "100k" }));
    expect(same.ok).toBe(true);
    expect(await db().conflictClaim.count({ where: { claimId: same.ok ? same.value.id : "" } })).toBe(0);
    const other = await createClaim(editor, claimSchema.parse({ ...base, statement: "North Korea offered Russia thirty thousand volunteers.", valueBest: "30k" }));
    if (!other.ok) throw new Error(other.message);
    // One conflict for the group: the seeded 100,000, the new "100k" and "30k".
    const found = await db().conflict.findMany({ where: { kind: "VALUE", claims: { some: { claimId: other.value.id } } }, include: { claims: true } });
    expect(found).toHaveLength(1);
    expect(found[0]!.summary).toBe("3 figures for overlapping times cannot all hold: they run from 30,000 to 100,000.");
    expect(found[0]!.claims.map((l) => l.claimId).sort()).toEqual([id("nk-volunteers"), same.ok ? same.value.id : "", other.value.id].sort());
    const audit = await db().auditLog.findMany({ where: { action: "conflict.detect", entityId: { in: found.map((c) => c.id) } } });
    expect(audit.every((a) => a.actorId === editor.id)).toBe(true);
  });

  it("finds a date conflict at the shared precision, and none against a coarser date that fits", async () => {
    const editor = await actor("editor");
    const base = { kind: "DATE", eventId: seedId("event", "nk-recognises"), tags: "" } as const;
    const month = await createClaim(editor, claimSchema.parse({ ...base, statement: "North Korea recognised the republics in July 2022.", eventDate: "2022-07-01", eventDatePrecision: "MONTH" }));
    expect(month.ok && (await db().conflictClaim.count({ where: { claimId: month.value.id } }))).toBe(0);
    const day = await createClaim(editor, claimSchema.parse({ ...base, statement: "North Korea recognised the republics on 14 July 2022.", eventDate: "2022-07-14", eventDatePrecision: "DAY" }));
    if (!day.ok) throw new Error(day.message);
    const found = await db().conflict.findFirstOrThrow({ where: { kind: "DATE", claims: { some: { claimId: day.value.id } } }, include: { claims: true } });
    expect(found.claims.map((c) => c.claimId).sort()).toEqual([day.value.id, id("nk-recognition-date")].sort());
    expect(found.summary).toBe("The same event is dated 13 Jul 2022 and 14 Jul 2022: they differ by day.");
  });

  it("blocks verification while a conflict is open, and allows it once an editor prefers the claim", async () => {
    const editor = await actor("editor");
    const reviewer = await actor("reviewer");
    const rate = await conflictOf("RATE_TOTAL", "ru-deaths-range", "ru-deaths-rate");
    let range = await claim("ru-deaths-range");
    // Give the range a second independent origin so that only the conflict stands in the way.
    const primary = await db().citation.findFirstOrThrow({ where: { claimId: range.id } });
    await db().citation.update({ where: { id: primary.id }, data: { isPrimary: true } });
    expect(await reviewClaim(reviewer, { claimId: range.id, version: range.version, decision: "APPROVE" })).toMatchObject({ ok: true });
    const blocked = await changeStatus(editor, { claimId: range.id, version: range.version, toStatus: "VERIFIED", reason: "Checked", justification: "The estimate is reported as it stands." });
    expect(blocked).toMatchObject({ ok: false, message: "This claim has an open conflict with other claims: resolve it before verifying." });

    // A reviewer may not resolve; bad input changes nothing.
    await expect(decideConflict(reviewer, decideConflictSchema.parse({ conflictId: rate.id, version: rate.version, action: "DISMISS", note: "Not a real conflict at all." }))).rejects.toBeInstanceOf(ForbiddenError);
    const before = await snapshot();
    expect(decideConflictSchema.safeParse({ conflictId: rate.id, version: rate.version, action: "PREFER", note: "short" }).error?.flatten().fieldErrors).toMatchObject({
      preferredClaimId: ["Choose the claim to prefer."],
      note: ["Say why, for the record (at least 10 characters)."],
    });
    const outsider = await decideConflict(editor, { conflictId: rate.id, version: rate.version, action: "PREFER", preferredClaimId: id("nk-volunteers"), note: "The range is the sourced figure.", movingClaimIds: [] });
    expect(outsider).toMatchObject({ ok: false, fieldErrors: { preferredClaimId: ["Choose one of this conflict's claims."] } });
    expect(await decideConflict(editor, { conflictId: rate.id, version: rate.version + 1, action: "DISMISS", note: "The arithmetic is the magazine's own.", movingClaimIds: [] })).toMatchObject({ ok: false, stale: true });
    expect(await snapshot()).toEqual(before);

    const preferred = await decideConflict(editor, { conflictId: rate.id, version: rate.version, action: "PREFER", preferredClaimId: range.id, note: "The range is the reported estimate; the rate is the magazine's arithmetic.", movingClaimIds: [] });
    expect(preferred).toEqual({ ok: true, value: { id: rate.id, status: "RESOLVED", version: rate.version + 1 } });
    expect((await claim("ru-deaths-range")).rank).toBe("PREFERRED");
    expect((await claim("ru-deaths-rate")).rank).toBe("DEPRECATED");
    expect((await claim("ru-deaths-range")).version).toBe(range.version); // a rank is not an edit
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: rate.id, action: "conflict.decide" } });
    expect(audit).toMatchObject({ actorId: editor.id, before: { status: "OPEN" }, after: { status: "RESOLVED", action: "PREFER", preferredClaimId: range.id } });

    range = await claim("ru-deaths-range");
    const verified = await changeStatus(editor, { claimId: range.id, version: range.version, toStatus: "VERIFIED", reason: "Checked", justification: "The estimate is reported as it stands." });
    expect(verified).toMatchObject({ ok: true, value: { status: "VERIFIED" } });
    // Verifying changed the claim's status and version, not what it says: the conflict stays resolved.
    expect((await conflictOf("RATE_TOTAL", "ru-deaths-range", "ru-deaths-rate")).status).toBe("RESOLVED");
  });

  it("raises a decided conflict again only when one of its claims changes, and a new decision reverses an old one", async () => {
    const editor = await actor("editor");
    const rateClaim = await claim("ru-deaths-rate");
    expect((await scanAllConflicts(db())).reopened).toBe(0);
    const edit = editClaimSchema.parse({
      id: rateClaim.id, version: rateClaim.version, statement: rateClaim.statement, kind: "QUANTITY", metricId: rateClaim.metricId, valueBest: "90",
      unit: "soldiers killed", ratePeriod: "DAY", periodStart: "2022-02-24", asOf: "2022-08-01", asOfPrecision: "MONTH", tags: "russia, casualties",
    });
    expect((await updateClaim(editor, edit)).ok).toBe(true);
    const reopened = await conflictOf("RATE_TOTAL", "ru-deaths-range", "ru-deaths-rate");
    expect(reopened.status).toBe("OPEN");
    expect(reopened.decisions[0]).toMatchObject({ action: "REOPEN", actorId: editor.id });
    expect(reopened.summary).toContain("90 a day");
    expect((await claim("ru-deaths-rate")).rank).toBe("NORMAL");

    const dismissed = await decideConflict(editor, { conflictId: reopened.id, version: reopened.version, action: "DISMISS", note: "The rate is the magazine's own rough arithmetic.", movingClaimIds: [] });
    expect(dismissed).toMatchObject({ ok: true, value: { status: "DISMISSED" } });
    expect(await scanAllConflicts(db())).toMatchObject({ opened: 0, reopened: 0 });
    const again = await decideConflict(editor, { conflictId: reopened.id, version: reopened.version + 1, action: "REOPEN", note: "Dismissed too quickly: look again.", movingClaimIds: [] });
    expect(again).toMatchObject({ ok: true, value: { status: "OPEN" } });
    const decisions = await db().conflictDecision.findMany({ where: { conflictId: reopened.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(decisions.map((d) => d.action)).toEqual(["PREFER", "REOPEN", "DISMISS", "REOPEN"]);
  });

  it("clears an open conflict when a claim is found false", async () => {
    const admin = await actor("admin");
    let rate = await claim("ru-deaths-rate");
    const step = async (toStatus: "IN_REVIEW" | "FALSE") => {
      const r = await changeStatus(admin, { claimId: rate.id, version: rate.version, toStatus, reason: "The magazine's own arithmetic, not a report." });
      expect(r.ok).toBe(true);
      rate = await claim("ru-deaths-rate");
    };
    if (rate.status !== "IN_REVIEW") await step("IN_REVIEW");
    await step("FALSE");
    const cleared = await conflictOf("RATE_TOTAL", "ru-deaths-range", "ru-deaths-rate");
    expect(cleared.status).toBe("RESOLVED");
    expect(cleared.decisions[0]).toMatchObject({ action: "CLEAR" });
  });

  it("settles a statement-date question, and reopens it when a citation's date changes", async () => {
    const editor = await actor("editor");
    const question = await conflictOf("STATEMENT_DATE", "matsegora-nothing");
    const settled = await decideConflict(editor, { conflictId: question.id, version: question.version, action: "SETTLE", note: "Monday 4 July 2022: both articles fit it.", movingClaimIds: [] });
    expect(settled).toMatchObject({ ok: true, value: { status: "RESOLVED" } });
    expect(await decideConflict(editor, { conflictId: question.id, version: question.version + 1, action: "PREFER", preferredClaimId: id("matsegora-nothing"), note: "Only one claim to choose from.", movingClaimIds: [] })).toMatchObject({
      ok: false,
      fieldErrors: { action: ["This conflict has one claim: settle it or dismiss it."] },
    });

    const citation = await db().citation.findFirstOrThrow({ where: { claimId: id("matsegora-nothing"), saidText: "Monday" }, include: { chain: { include: { actor: true } } } });
    const c = await claim("matsegora-nothing");
    const updated = await updateCitation(
      editor,
      editCitationSchema.parse({
        id: citation.id, claimId: c.id, claimVersion: c.version, sourceId: citation.sourceId, quote: citation.quote, stance: citation.stance, saidText: "last Monday",
        chain: citation.chain.map((l) => ({ actorName: l.actor.name, actorKind: l.actor.kind, relation: l.relation ?? undefined })),
      }),
    );
    expect(updated.ok).toBe(true);
    const reopened = await conflictOf("STATEMENT_DATE", "matsegora-nothing");
    expect(reopened).toMatchObject({ status: "OPEN" });
    expect(reopened.summary).toContain("“last Monday”");
  });

  it("splits a metric when the figures measure different things", async () => {
    const editor = await actor("editor");
    const value = await db().conflict.findFirstOrThrow({ where: { kind: "VALUE", claims: { some: { claimId: id("nk-volunteers") } } }, include: { claims: true } });
    const thirty = await db().claim.findFirstOrThrow({ where: { id: { in: value.claims.map((c) => c.claimId) }, valueBest: 30000 } });
    const moving = thirty.id;
    const movingBefore = await db().claim.findUniqueOrThrow({ where: { id: moving } });
    const taken = await decideConflict(editor, { conflictId: value.id, version: value.version, action: "DIFFERENT_SCOPES", scopeName: "Russian military deaths in Ukraine since 24 Feb 2022", movingClaimIds: [moving], note: "Different figures for different offers." });
    expect(taken).toMatchObject({ ok: false, fieldErrors: { scopeName: ["A metric with this name already exists: choose another name."] } });
    expect((await db().claim.findUniqueOrThrow({ where: { id: moving } })).version).toBe(movingBefore.version);

    const split = await decideConflict(editor, { conflictId: value.id, version: value.version, action: "DIFFERENT_SCOPES", scopeName: "North Korean workers offered to Russia", movingClaimIds: [moving], note: "One figure counts workers, not volunteers." });
    expect(split).toMatchObject({ ok: true, value: { status: "RESOLVED" } });
    const metric = await db().metric.findUniqueOrThrow({ where: { name: "North Korean workers offered to Russia" } });
    expect(await db().claim.findUniqueOrThrow({ where: { id: moving } })).toMatchObject({ metricId: metric.id, version: movingBefore.version + 1 });
    const decision = await db().conflictDecision.findFirstOrThrow({ where: { conflictId: value.id, action: "DIFFERENT_SCOPES" } });
    expect(decision.scopeMetricId).toBe(metric.id);
    expect(await db().auditLog.count({ where: { entityId: moving, action: "claim.metric.split" } })).toBe(1);
    // The two 100,000s left behind agree: nothing new is raised between them.
    expect(await db().conflict.count({ where: { status: "OPEN", claims: { some: { claimId: id("nk-volunteers") } } } })).toBe(0);
  });

  it("lets reviewers and editors flag claims by hand, with a reason, and lists conflicts page by page", async () => {
    const reviewer = await actor("reviewer");
    expect(flagConflictSchema.safeParse({ claimIds: [id("nk-volunteers")], reason: "x" }).error?.flatten().fieldErrors).toMatchObject({
      claimIds: ["Choose at least one other claim that cannot hold together with this one."],
      reason: ["Say why these claims cannot all be true (at least 10 characters)."],
    });
    const flagged = await flagConflict(reviewer, flagConflictSchema.parse({ claimIds: [id("korotchenko-builders"), id("matsegora-builders")], reason: "Korotchenko says invited; Matsegora says they will come. Which is it?" }));
    if (!flagged.ok) throw new Error(flagged.message);
    const conflict = await db().conflict.findUniqueOrThrow({ where: { id: flagged.value.id }, include: { claims: true } });
    expect(conflict).toMatchObject({ kind: "MANUAL", status: "OPEN", createdById: reviewer.id, fingerprint: null });
    expect(conflict.claims).toHaveLength(2);
    expect(await db().auditLog.count({ where: { entityId: conflict.id, action: "conflict.flag", actorId: reviewer.id } })).toBe(1);
    // A manual flag survives a re-scan: only people close what people raise.
    await scanAllConflicts(db());
    expect((await db().conflict.findUniqueOrThrow({ where: { id: conflict.id } })).status).toBe("OPEN");

    const counts = await countConflicts(reviewer);
    expect(counts.OPEN).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listConflicts(reviewer, { status: "OPEN", limit: 2, cursor });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(counts.OPEN);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await listConflicts(reviewer, { status: "OPEN", kind: "MANUAL", limit: 10 })).items.map((c) => c.id)).toEqual([conflict.id]);
  });

  describe("as groups change", () => {
    const make = async (metricId: string, best: string, label: string) => {
      const r = await createClaim(await actor("editor"), claimSchema.parse({ kind: "QUANTITY", metricId, unit: "people", asOf: "2023-01-01", asOfPrecision: "MONTH", tags: "", statement: `Group test figure ${label} for the shelter count.`, valueBest: best }));
      if (!r.ok) throw new Error(r.message);
      return r.value.id;
    };
    const edit = async (claimId: string, changes: Record<string, string>) => {
      const c = await db().claim.findUniqueOrThrow({ where: { id: claimId } });
      const r = await updateClaim(await actor("editor"), editClaimSchema.parse({
        id: c.id, version: c.version, statement: c.statement, kind: "QUANTITY", metricId: c.metricId, unit: "people", asOf: "2023-01-01", asOfPrecision: "MONTH", tags: "", valueBest: String(c.valueBest), ...changes,
      }));
      if (!r.ok) throw new Error(r.message);
    };
    const openOn = (metricId: string) =>
      db().conflict.findMany({ where: { status: "OPEN", kind: "VALUE", claims: { some: { claim: { metricId } } } }, include: { claims: true } });
    const ids = (c: { claims: { claimId: string }[] }) => c.claims.map((l) => l.claimId).sort();

    it("a new figure joins the group: the smaller conflict gives way to the larger one", async () => {
      const metric = await db().metric.create({ data: { name: "People in shelters (group test)", unit: "people", createdById: (await actor("editor")).id } });
      const a = await make(metric.id, "100", "A");
      const b = await make(metric.id, "200", "B");
      const [pair] = await openOn(metric.id);
      expect(ids(pair!)).toEqual([a, b].sort());
      const c = await make(metric.id, "300", "C");
      const open = await openOn(metric.id);
      expect(open.map(ids)).toEqual([[a, b, c].sort()]);
      expect(await db().conflict.findUniqueOrThrow({ where: { id: pair!.id }, include: { decisions: true } })).toMatchObject({ status: "RESOLVED", decisions: [{ action: "CLEAR" }] });

      // A leaves the group by agreeing with B: B and C still disagree, and stay in conflict.
      await edit(a, { valueBest: "200" });
      expect((await openOn(metric.id)).map(ids)).toEqual([[a, b, c].sort()]);
      await edit(c, { valueBest: "200" });
      expect(await openOn(metric.id)).toEqual([]);
      await edit(c, { valueBest: "999" });
      await edit(a, { valueBest: "100" });
      expect((await openOn(metric.id)).map(ids)).toEqual([[a, b, c].sort()]);
      // Found false, a figure drops out; the two left still disagree.
      const admin = await actor("admin");
      let current = await db().claim.findUniqueOrThrow({ where: { id: a } });
      expect((await changeStatus(admin, { claimId: a, version: current.version, toStatus: "IN_REVIEW", reason: "Checking the count" })).ok).toBe(true);
      current = await db().claim.findUniqueOrThrow({ where: { id: a } });
      expect((await changeStatus(admin, { claimId: a, version: current.version, toStatus: "FALSE", reason: "The shelter never opened" })).ok).toBe(true);
      expect((await openOn(metric.id)).map(ids)).toEqual([[b, c].sort()]);
    });

    it("a figure that moves to another metric leaves no open conflict behind", async () => {
      const editor = await actor("editor");
      const metric = await db().metric.create({ data: { name: "People evacuated (move test)", unit: "people", createdById: editor.id } });
      const other = await db().metric.create({ data: { name: "People sheltered (move test)", unit: "people", createdById: editor.id } });
      const a = await make(metric.id, "100", "M1");
      const b = await make(metric.id, "500", "M2");
      const [found] = await openOn(metric.id);
      expect(ids(found!)).toEqual([a, b].sort());
      await edit(b, { metricId: other.id });
      expect(await db().conflict.findUniqueOrThrow({ where: { id: found!.id } })).toMatchObject({ status: "RESOLVED" });
      expect(await openOn(metric.id)).toEqual([]);
    });
  });
});

