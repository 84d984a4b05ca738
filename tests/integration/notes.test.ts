import { describe, expect, it } from "vitest";
import { QUOTE_NOT_AT_OFFSETS, QUOTE_NOT_IN_TEXT } from "@/lib/anchoring";
import { noteSchema, deleteNoteSchema } from "@/lib/schemas/note";
import { createNote, deleteNote, notesForClaim } from "@/lib/server/notes";
import { ForbiddenError } from "@/lib/server/authorize";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

describe("notes", () => {
  const { db, actor } = useMigratedDatabase();
  const text = "In favour: 141.\nAgainst: 5, among them the Democratic People’s Republic of Korea.\nAbstaining: 35.";
  const claimId = () => seedId("claim", "un-vote-against");
  let sourceId = "";
  let claimNoteId = "";
  let spanNoteId = "";
  const state = async () => ({ notes: await db().note.findMany({ orderBy: { id: "asc" } }), audit: await db().auditLog.count() });

  it("notes a claim, with an audit entry", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    sourceId = (await db().source.create({ data: { title: "Vote record", kind: "DATASET", fullText: text, createdById: editor.id } })).id;
    const result = await createNote(editor, noteSchema.parse({ claimId: claimId(), body: "Check the roll-call, not the summary." }));
    expect(result).toMatchObject({ ok: true, value: { claimId: claimId(), sourceId: null } });
    claimNoteId = result.ok ? result.value.id : "";
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: claimNoteId, action: "annotation.create" } });
    expect(audit).toMatchObject({ actorId: editor.id, after: { body: "Check the roll-call, not the summary.", claimId: claimId(), quote: null } });
  });

  it("notes a passage of a source, finding its offsets when none were given", async () => {
    const editor = await actor("editor@factdesk.test");
    const quote = "Democratic People’s Republic of Korea";
    const result = await createNote(editor, noteSchema.parse({ sourceId, body: "North Korea’s official name.", quote }));
    expect(result.ok).toBe(true);
    spanNoteId = result.ok ? result.value.id : "";
    const note = await db().note.findUniqueOrThrow({ where: { id: spanNoteId } });
    expect(text.slice(note.startOffset!, note.endOffset!)).toBe(quote);
  });

  it("refuses a passage that is not in the text, not at its offsets, or on a source without text, writing nothing", async () => {
    const editor = await actor("editor@factdesk.test");
    const before = await state();
    expect(await createNote(editor, noteSchema.parse({ sourceId, body: "x", quote: "Against: 6" }))).toMatchObject({ ok: false, fieldErrors: { quote: [QUOTE_NOT_IN_TEXT] } });
    expect(await createNote(editor, noteSchema.parse({ sourceId, body: "x", quote: "Against: 5", startOffset: 0, endOffset: 10 }))).toMatchObject({
      ok: false,
      fieldErrors: { quote: [QUOTE_NOT_AT_OFFSETS] },
    });
    expect(await createNote(editor, noteSchema.parse({ sourceId: seedId("source", "nr-builders"), body: "x", quote: "July 13" }))).toMatchObject({
      ok: false,
      fieldErrors: { quote: ["This source has no stored text to note a passage in: add its text first."] },
    });
    expect(await createNote(editor, noteSchema.parse({ claimId: "00000000-0000-4000-8000-000000000000", body: "x" }))).toEqual({ ok: false, message: "This claim does not exist." });
    expect(await state()).toEqual(before);
  });

  it("refuses invalid fields through the shared schema", () => {
    expect(noteSchema.safeParse({ claimId: claimId(), body: " " }).error?.flatten().fieldErrors).toEqual({ body: ["Write the note."] });
    expect(noteSchema.safeParse({ sourceId, body: "Where?" }).error?.flatten().fieldErrors).toEqual({ quote: ["Select the passage the note is about."] });
    expect(deleteNoteSchema.safeParse({ id: "nope", version: 0 }).success).toBe(false);
  });

  it("refuses reviewers in the data layer", async () => {
    const reviewer = await actor("reviewer@factdesk.test");
    await expect(createNote(reviewer, noteSchema.parse({ claimId: claimId(), body: "A reviewer's note" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteNote(reviewer, { id: claimNoteId, version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("shows a claim its own notes and the notes on passages its citations quote", async () => {
    const editor = await actor("editor@factdesk.test");
    const outside = await createNote(editor, noteSchema.parse({ sourceId, body: "Not about the vote against.", quote: "Abstaining: 35" }));
    expect(outside.ok).toBe(true);
    const start = text.indexOf("Against: 5");
    const citations = [
      { sourceId, startOffset: start, endOffset: text.indexOf(".", start) },
      { sourceId: seedId("source", "nr-builders"), startOffset: null, endOffset: null },
    ];
    const notes = await notesForClaim(editor, claimId(), citations);
    expect(notes.map((n) => n.body)).toEqual(["Check the roll-call, not the summary.", "North Korea’s official name."]);
    expect(notes[1]!.source?.title).toBe("Vote record");
  });

  it("deletes softly, by its author or an admin only; a stale delete is refused", async () => {
    const editor = await actor("editor@factdesk.test");
    const admin = await actor("admin@factdesk.test");
    const byAdmin = await createNote(admin, noteSchema.parse({ claimId: claimId(), body: "Admin's note." }));
    const adminNoteId = byAdmin.ok ? byAdmin.value.id : "";
    const before = await state();
    expect(await deleteNote(editor, { id: adminNoteId, version: 1 })).toEqual({ ok: false, message: "Only the note’s author or an admin may delete it." });
    expect(await deleteNote(editor, { id: claimNoteId, version: 2 })).toMatchObject({ ok: false, stale: true });
    expect(await state()).toEqual(before);

    expect(await deleteNote(editor, deleteNoteSchema.parse({ id: claimNoteId, version: 1 }))).toMatchObject({ ok: true });
    expect(await deleteNote(admin, { id: spanNoteId, version: 1 })).toMatchObject({ ok: true });
    const gone = await db().note.findUniqueOrThrow({ where: { id: claimNoteId } });
    expect(gone.deletedAt).toBeInstanceOf(Date);
    expect(gone.version).toBe(2);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: claimNoteId, action: "annotation.delete" } });
    expect(audit).toMatchObject({ actorId: editor.id, before: { body: "Check the roll-call, not the summary.", version: 1 }, after: { version: 2 } });
    expect(await deleteNote(editor, { id: claimNoteId, version: 2 })).toEqual({ ok: false, message: "This note no longer exists." });
    expect((await notesForClaim(editor, claimId(), [])).map((n) => n.body)).toEqual(["Admin's note."]);
  });
});
