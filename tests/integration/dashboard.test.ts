import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/authorize";
import { getDashboard, VERIFIED_WEEKS } from "@/lib/server/dashboard";
import { findActiveUser } from "@/lib/server/users";
import { weekStart } from "@/lib/weeks";
import { seedDatabase, seedId } from "@/seeds/load";
import { useMigratedDatabase } from "../support/database";

const WEEK = 7 * 86_400_000;

describe("dashboard charts", () => {
  const { db } = useMigratedDatabase();
  const actor = async (email: string): Promise<SessionUser> => (await findActiveUser((await db().user.findUniqueOrThrow({ where: { email } })).id))!;

  it("counts claims verified per week over the last weeks, each claim once per week, older ones left out", async () => {
    await seedDatabase(db());
    const editor = await actor("editor@factdesk.test");
    const before = await getDashboard(editor);
    expect(before.verifiedByWeek).toHaveLength(VERIFIED_WEEKS);
    expect(before.verifiedByWeek.at(-1)!.week.getTime()).toBe(weekStart(new Date()).getTime());

    const thisWeek = weekStart(new Date()).getTime();
    const threeWeeksAgo = new Date(thisWeek - 3 * WEEK + 3_600_000);
    const verified = (claimKey: string, at: Date) =>
      db().statusChange.create({
        data: { claimId: seedId("claim", claimKey), fromStatus: "IN_REVIEW", toStatus: "VERIFIED", reason: "test", actorId: editor.id, createdAt: at },
      });
    await verified("ru-deaths-range", threeWeeksAgo);
    await verified("ru-deaths-range", new Date(threeWeeksAgo.getTime() + 60_000)); // the same claim again that week
    await verified("nk-recognition-date", threeWeeksAgo);
    await verified("ru-deaths-rate", new Date(thisWeek - (VERIFIED_WEEKS + 2) * WEEK)); // too old to show

    const after = await getDashboard(editor);
    const delta = after.verifiedByWeek.map((w, i) => w.count - before.verifiedByWeek[i]!.count);
    expect(delta).toEqual(Array.from({ length: VERIFIED_WEEKS }, (_, i) => (i === VERIFIED_WEEKS - 4 ? 2 : 0)));
  });
});
