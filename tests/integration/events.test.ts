import { describe, expect, it } from "vitest";
import { claimSchema, editClaimSchema } from "@/lib/schemas/claim";
import { eventSchema, renameEventSchema } from "@/lib/schemas/event";
import { ForbiddenError } from "@/lib/server/authorize";
import { createClaim, updateClaim } from "@/lib/server/claim-edits";
import { createEvent, getEvent, listEvents, renameEvent, searchEvents } from "@/lib/server/events";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

const missingId = "00000000-0000-4000-8000-000000000000";

describe("events", () => {
  const { db, actor } = useMigratedDatabase();
  const editor = () => actor("editor@factdesk.test");
  const ruRecognises = seedId("event", "ru-recognises");
  const state = async () => ({ events: await db().event.findMany({ orderBy: { id: "asc" } }), audit: await db().auditLog.count() });

  it("trims names and reports each bad field through the schema", () => {
    expect(eventSchema.parse({ name: "  Ukraine   cuts ties  ", description: "" })).toEqual({ name: "Ukraine cuts ties" });
    expect(eventSchema.safeParse({ name: " x ", description: "d".repeat(2001) }).error!.flatten().fieldErrors).toEqual({
      name: ["Name what happened (at least 3 characters)."],
      description: ["Keep the description under 2,000 characters."],
    });
    expect(eventSchema.safeParse({ name: "n".repeat(201) }).error!.flatten().fieldErrors).toEqual({ name: ["Keep the name under 200 characters."] });
    expect(renameEventSchema.safeParse({ name: "Fine", id: "x", version: 0 }).error!.flatten().fieldErrors).toMatchObject({ id: ["Unknown event."], version: expect.any(Array) });
  });

  it("creates an event with an audit entry, and refuses a name that exists, writing nothing", async () => {
    await seedDatabase(db());
    const result = await createEvent(await editor(), eventSchema.parse({ name: "Russia annexes four Ukrainian regions", description: "Proclaimed in Moscow." }));
    expect(result.ok).toBe(true);
    const id = result.ok ? result.value.id : "";
    expect(await db().event.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "Russia annexes four Ukrainian regions", description: "Proclaimed in Moscow.", version: 1 });
    expect(await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "event.create" } })).toMatchObject({
      actorId: (await editor()).id,
      after: { name: "Russia annexes four Ukrainian regions", version: 1 },
    });

    const before = await state();
    const taken = await createEvent(await editor(), eventSchema.parse({ name: "russia annexes four ukrainian regions" }));
    expect(taken).toEqual({ ok: false, message: "An event with that name exists.", fieldErrors: { name: ["An event with that name exists."] } });
    expect(await state()).toEqual(before);
  });

  it("refuses reviewers in the data layer", async () => {
    const reviewer = await actor("reviewer@factdesk.test");
    await expect(createEvent(reviewer, eventSchema.parse({ name: "A reviewer's event" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(renameEvent(reviewer, renameEventSchema.parse({ id: ruRecognises, version: 1, name: "Renamed" }))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("renames from the current version with an audit entry; refuses stale versions, taken names and missing events", async () => {
    const e = await editor();
    const result = await renameEvent(e, renameEventSchema.parse({ id: ruRecognises, version: 1, name: "Russia recognises the two people’s republics" }));
    expect(result).toEqual({ ok: true, value: { id: ruRecognises, version: 2 } });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: ruRecognises, action: "event.update" } });
    expect(audit.before).toMatchObject({ name: "Russia recognises the Donetsk and Luhansk people’s republics", version: 1 });
    expect(audit.after).toMatchObject({ name: "Russia recognises the two people’s republics", version: 2 });

    const before = await state();
    expect(await renameEvent(e, renameEventSchema.parse({ id: ruRecognises, version: 1, name: "An old copy" }))).toMatchObject({ ok: false, stale: true });
    expect(await renameEvent(e, renameEventSchema.parse({ id: ruRecognises, version: 2, name: "Ukraine cuts diplomatic relations with North Korea" }))).toMatchObject({
      ok: false,
      fieldErrors: { name: ["An event with that name exists."] },
    });
    expect(await renameEvent(e, renameEventSchema.parse({ id: missingId, version: 1, name: "Nothing" }))).toEqual({ ok: false, message: "This event does not exist." });
    expect(await state()).toEqual(before);
  });

  it("keeps a claim's event for date and event claims, clears it for other kinds, and refuses an unknown event", async () => {
    const e = await editor();
    const date = { statement: "Russia recognised the two republics on 21 February 2022.", kind: "DATE", eventId: ruRecognises, eventDate: "2022-02-21", eventDatePrecision: "DAY" };
    const created = await createClaim(e, claimSchema.parse(date));
    expect(created.ok).toBe(true);
    const id = created.ok ? created.value.id : "";
    expect(await db().claim.findUniqueOrThrow({ where: { id } })).toMatchObject({ eventId: ruRecognises });
    expect(await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "claim.create" } })).toMatchObject({ after: { eventId: ruRecognises } });

    const asEvent = await updateClaim(e, editClaimSchema.parse({ ...date, id, version: 1, kind: "EVENT" }));
    expect(asEvent.ok).toBe(true);
    expect(await db().claim.findUniqueOrThrow({ where: { id } })).toMatchObject({ kind: "EVENT", eventId: ruRecognises, eventDate: null });

    const asStatement = await updateClaim(e, editClaimSchema.parse({ ...date, id, version: 2, kind: "ATTRIBUTED_STATEMENT", speakerName: "Vladimir Putin" }));
    expect(asStatement.ok).toBe(true);
    expect(await db().claim.findUniqueOrThrow({ where: { id } })).toMatchObject({ eventId: null });

    const count = await db().claim.count();
    expect(await createClaim(e, claimSchema.parse({ ...date, eventId: missingId }))).toMatchObject({ ok: false, fieldErrors: { eventId: ["Choose an event from the list."] } });
    expect(claimSchema.safeParse({ ...date, eventId: "not-an-id" }).error!.flatten().fieldErrors).toEqual({ eventId: ["Choose an event from the list."] });
    expect(await db().claim.count()).toBe(count);
  });

  it("pages through events by name, searches them, and gives an event's claims earliest first with sources", async () => {
    const reviewer = await actor("reviewer@factdesk.test");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listEvents(reviewer, { limit: 2, cursor });
      seen.push(...page.items.map((e) => e.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual((await db().event.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }] })).map((e) => e.name));
    expect((await listEvents(reviewer, { q: "NORTH KOREA", limit: 10 })).items.map((e) => [e.name, e.claimCount])).toEqual([
      ["North Korea recognises the Donetsk and Luhansk people’s republics", 1],
      ["Ukraine cuts diplomatic relations with North Korea", 1],
    ]);

    expect((await searchEvents(reviewer, "recognises")).map((e) => e.name)).toEqual([
      "North Korea recognises the Donetsk and Luhansk people’s republics",
      "Russia recognises the two people’s republics",
    ]);
    expect((await searchEvents(reviewer, "", 100)).length).toBeLessThanOrEqual(20);

    const event = (await getEvent(reviewer, seedId("event", "nk-recognises")))!;
    expect(event).toMatchObject({ claimCount: 1, claims: [{ id: seedId("claim", "nk-recognition-date"), eventDatePrecision: "DAY" }] });
    expect(event.claims[0]!.citations[0]).toMatchObject({ source: { outlet: "National Review" }, chain: [{ position: 0, actor: { name: "National Review" } }] });
    expect(await getEvent(reviewer, missingId)).toBeNull();
  });
});
