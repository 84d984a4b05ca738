// The end of a claim's road, for a newcomer's first `npm start`: two claims verified through the
// real workflow (two independent origins; a primary source with a justification; each approved by
// the reviewer first), and the published sheet "North Korea and the war in Ukraine: the figures"
// with its public link. Runs the app's own verbs, so the status log, reviews, audit entries and
// hash chain are the real ones. Idempotent: does nothing once the sheet exists.
import { seedId } from "./load";
import type { Db } from "../prisma/client";

export const SEED_SHEET_TITLE = "North Korea and the war in Ukraine: the figures";
export const SEED_SHEET_SUMMARY = [
  "What the reporting on North Korea's part in Russia's war on Ukraine can **stand behind**, and what it cannot yet.",
  "",
  "- Figures are published only once verified: two independent origins, or a primary source with a written justification, and a reviewer's approval.",
  "- Claims still in review or in conflict are left out until they are settled.",
].join("\n");

export const SEED_SHEET_SLUG = "north-korea-and-the-war-in-ukraine-the-figures";
const IN_FAVOUR_STATEMENT = "141 countries voted for UN General Assembly resolution ES-11/1 condemning Russia’s invasion of Ukraine.";

/** Runs `work` with the data-access layer (lib/server/db.ts) on `db`, as the integration tests do. */
async function withAppDatabase<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const g = globalThis as { db?: Db };
  const before = g.db;
  g.db = db;
  try {
    return await work();
  } finally {
    g.db = before;
  }
}

function must<T>(result: { ok: true; value: T } | { ok: false; message: string }, what: string): T {
  if (!result.ok) throw new Error(`Seeding the fact sheet: ${what}: ${result.message}`);
  return result.value;
}

/** Loads the published seed sheet; returns its public link's token when it made one now (shown once), else null. */
export async function seedPublication(db: Db): Promise<{ sheetId: string; token: string | null }> {
  const existing = await db.factSheet.findUnique({ where: { slug: SEED_SHEET_SLUG }, select: { id: true } });
  if (existing) return { sheetId: existing.id, token: null };
  return withAppDatabase(db, async () => {
    const { findActiveUser } = await import("../lib/server/users");
    const { changeStatus } = await import("../lib/server/claim-status");
    const { reviewClaim } = await import("../lib/server/reviews");
    const { createClaim } = await import("../lib/server/claim-edits");
    const { createCitation } = await import("../lib/server/citations");
    const { addSheetClaims, arrangeSheet, createSheet } = await import("../lib/server/fact-sheets");
    const { publishSheet } = await import("../lib/server/fact-sheet-publishing");
    const { createLink } = await import("../lib/server/fact-sheet-links");
    const { claimSchema } = await import("../lib/schemas/claim");
    const { citationSchema } = await import("../lib/schemas/citation");

    const user = async (email: string) => (await findActiveUser((await db.user.findUniqueOrThrow({ where: { email } })).id))!;
    const editor = await user("editor@factdesk.test");
    const reviewer = await user("reviewer@factdesk.test");
    const version = async (id: string) => (await db.claim.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

    /** In review, approved by the reviewer as it stands, then verified by the editor. */
    async function verify(claimId: string, reason: string, justification?: string) {
      must(await changeStatus(editor, { claimId, version: await version(claimId), toStatus: "IN_REVIEW", reason: "Ready for a second pair of eyes." }), "to review");
      must(await reviewClaim(reviewer, { claimId, version: await version(claimId), decision: "APPROVE", note: undefined }), "approval");
      must(await changeStatus(editor, { claimId, version: await version(claimId), toStatus: "VERIFIED", reason, justification }), "verification");
    }

    // Two independent origins: the magazine's report and the UN's own record of the vote.
    const against = seedId("claim", "un-vote-against");
    await verify(against, "The UN's recorded vote and National Review agree.");

    // A primary source with a written justification: the UN's record of the same vote.
    const created = must(
      await createClaim(
        editor,
        claimSchema.parse({
          statement: IN_FAVOUR_STATEMENT,
          kind: "QUANTITY",
          valueBest: "141",
          unit: "countries",
          asOf: "2022-03-02",
          asOfPrecision: "DAY",
          tags: "united-nations, diplomacy",
        }),
      ),
      "claim",
    );
    must(
      await createCitation(
        editor,
        citationSchema.parse({
          claimId: created.id,
          claimVersion: await version(created.id),
          sourceId: seedId("source", "un-es11-1-vote"),
          quote: "In favour: 141.",
          stance: "SUPPORTS",
          isPrimary: true,
          saidOn: "2022-03-02",
          saidPrecision: "DAY",
          chain: [{ actorName: "United Nations General Assembly", actorKind: "ORGANIZATION", relation: "recorded the vote" }],
        }),
      ),
      "citation",
    );
    await verify(created.id, "The UN's own record of the vote.", "The General Assembly's recorded vote is the primary record of how each member state voted.");

    const { id: sheetId } = must(await createSheet(editor, { title: SEED_SHEET_TITLE, summary: SEED_SHEET_SUMMARY }), "sheet");
    const ids = [against, created.id, seedId("claim", "ru-deaths-range"), seedId("claim", "nk-volunteers")];
    const added = must(await addSheetClaims(editor, { sheetId, version: 1, claimIds: ids }), "adding claims");
    must(
      await arrangeSheet(editor, {
        sheetId,
        version: added.version,
        items: ids.map((claimId, i) => ({ claimId, section: i < 2 ? "At the United Nations" : "On the battlefield" })),
      }),
      "sections",
    );
    const arranged = await db.factSheet.findUniqueOrThrow({ where: { id: sheetId }, select: { version: true } });
    must(await publishSheet(editor, { sheetId, version: arranged.version, previousNumber: 0, changeNote: undefined }), "publishing");
    const link = must(await createLink(editor, { sheetId }), "public link");
    return { sheetId, token: link.token };
  });
}
