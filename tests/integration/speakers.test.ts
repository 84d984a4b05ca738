import { describe, expect, it } from "vitest";
import { claimSchema, editClaimSchema } from "@/lib/schemas/claim";
import { createClaim, updateClaim } from "@/lib/server/claim-edits";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

describe("speakers of attributed statements", () => {
  const { db, actor } = useMigratedDatabase();
  const form = { statement: "Alexander Matsegora said North Korean workers would arrive in Donbas within months.", kind: "ATTRIBUTED_STATEMENT" };

  it("finds the speaker however the name is typed", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    const actors = await db().actor.count();
    const result = await createClaim(editor, claimSchema.parse({ ...form, speakerName: "  alexander   MATSEGORA" }));
    expect(result.ok).toBe(true);
    const id = result.ok ? result.value.id : "";
    expect((await db().claim.findUniqueOrThrow({ where: { id } })).speakerId).toBe(seedId("actor", "matsegora"));
    expect(await db().actor.count()).toBe(actors);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "claim.create" } });
    expect(audit.after).toMatchObject({ speakerName: "Alexander Matsegora" });
  });

  it("records a new speaker as an actor, audited, and clears the speaker when the claim stops being a statement", async () => {
    const editor = await actor("editor@factdesk.test");
    const created = await createClaim(editor, claimSchema.parse({ ...form, statement: "Sergei Shoigu said the builders would be paid in kind.", speakerName: "Sergei Shoigu" }));
    const id = created.ok ? created.value.id : "";
    const speaker = await db().actor.findUniqueOrThrow({ where: { nameKey: "sergei shoigu" } });
    expect(speaker).toMatchObject({ name: "Sergei Shoigu", kind: "UNKNOWN" });
    expect(await db().auditLog.count({ where: { entityId: speaker.id, action: "actor.create" } })).toBe(1);

    const edited = await updateClaim(editor, editClaimSchema.parse({ id, version: 1, statement: "The builders would be paid in kind.", kind: "EVENT", speakerName: "Sergei Shoigu" }));
    expect(edited.ok).toBe(true);
    expect((await db().claim.findUniqueOrThrow({ where: { id } })).speakerId).toBeNull();
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "claim.update" } });
    expect([(audit.before as { speakerName: string }).speakerName, (audit.after as { speakerName: string | null }).speakerName]).toEqual(["Sergei Shoigu", null]);
  });

  it("requires a speaker for an attributed statement through the shared schema", () => {
    expect(claimSchema.safeParse(form).error?.flatten().fieldErrors).toEqual({ speakerName: ["Name who made the statement."] });
  });
});
