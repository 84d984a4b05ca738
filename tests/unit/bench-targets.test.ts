import { describe, expect, it } from "vitest";
import { TARGETS, checkTargets, floorBetween, overPgFloor, shareOfFloor, targetLines } from "../../scripts/lib/bench-targets";

// The bench's check of #14's page targets: its figures are never asserted, but what it calls met is.
const floor = { page: "/login signed out (framework floor)", c1: { p50: 5, p95: 11 }, c20: { p95: 120, rps: 200, cpuMs: 7 } };
const page = (p95At1: number, p95At20: number, rps: number, extra: { pgP50?: number; cpuMs?: number } = {}) => ({
  page: "/claims",
  c1: { p50: 24, p95: p95At1 },
  c20: { p95: p95At20, rps, ...(extra.cpuMs === undefined ? {} : { cpuMs: extra.cpuMs }) },
  ...(extra.pgP50 === undefined ? {} : { floor1: { p50: extra.pgP50 } }),
});

describe("the bench's target check", () => {
  it("meets a target only below its latency bound and at or above its share of the floor", () => {
    expect(checkTargets(page(99.9, 299.9, 140), floor)).toMatchObject({ p95At1: true, p95At20: true, share: 0.7, shareMet: true });
    expect(checkTargets(page(100, 300, 139), floor)).toMatchObject({ p95At1: false, p95At20: false, share: 0.7, shareMet: true });
    expect(checkTargets(page(100, 300, 138), floor)).toMatchObject({ share: 0.69, shareMet: false });
  });

  it("compares with the pg floor only where there is one, at most twice its p50", () => {
    expect(checkTargets(page(50, 500, 40), floor)).not.toHaveProperty("overPg");
    expect(overPgFloor(page(50, 500, 40, { pgP50: 12 }))).toBe(2);
    expect(checkTargets(page(50, 500, 40, { pgP50: 12 }), floor)).toMatchObject({ overPg: 2, overPgMet: true });
    expect(checkTargets(page(50, 500, 40, { pgP50: 3 }), floor)).toMatchObject({ overPg: 8, overPgMet: false });
  });

  it("gives the CPU a request may cost for the share target: the floor's over the share", () => {
    expect(checkTargets(page(50, 500, 40), floor).cpuBudgetMs).toBe(10);
    expect(checkTargets(page(50, 500, 40), { ...floor, c20: { p95: 120, rps: 200 } })).not.toHaveProperty("cpuBudgetMs");
    expect(shareOfFloor(page(50, 500, 40), { ...floor, c20: { p95: 1, rps: 0 } })).toBe(0);
    // PostgreSQL's CPU, where measured, runs on the same cores: the floor's counts in the budget.
    expect(checkTargets(page(50, 500, 40), { ...floor, c20: { ...floor.c20, dbCpuMs: 0.7 } }).cpuBudgetMs).toBe(11);
  });

  it("takes a page's share and CPU budget against the floor measured beside it, where there is one", () => {
    // The machine slowed between the floor's own run (200 req/s) and the page's: the floor beside it ran 140.
    const beside = floorBetween({ rps: 150, cpuMs: 8, dbCpuMs: 0.1 }, { rps: 130, cpuMs: 9, dbCpuMs: 0.2 });
    expect(beside).toEqual({ rps: 140, cpuMs: 8.5, dbCpuMs: 0.2 });
    const save = { ...page(20, 250, 106, { cpuMs: 13 }), floorBeside20: beside };
    expect(shareOfFloor(save, floor)).toBe(0.76);
    expect(checkTargets(save, floor)).toMatchObject({ share: 0.76, shareMet: true, cpuBudgetMs: 12.4 });
    expect(checkTargets(page(20, 250, 106, { cpuMs: 13 }), floor)).toMatchObject({ share: 0.53, shareMet: false, cpuBudgetMs: 10 });
    // A CPU figure is averaged only where both runs have one (--quick measures none).
    expect(floorBetween({ rps: 10 }, { rps: 21, cpuMs: 3 })).toEqual({ rps: 15.5 });
    expect(checkTargets({ ...save, floorBeside20: { rps: 150 } }, floor)).not.toHaveProperty("cpuBudgetMs");
    // The printed line names the floor beside the page.
    const lines = targetLines([floor, { ...save, page: "POST /api/claims" }], floor, 300);
    expect(lines[0]).toContain("of the floor measured beside that page");
    expect(lines[2]).toMatch(/POST \/api\/claims +✓ 20 ms +✓ 250 ms +✓ 0\.76 of 140 +– +13 \(12\.4\)$/);
  });

  it("shows PostgreSQL's CPU beside the server's where it was measured", () => {
    const save = { ...page(20, 250, 100), page: "POST /api/claims", c20: { p95: 250, rps: 100, cpuMs: 10.4, dbCpuMs: 4.5 } };
    expect(targetLines([floor, save], floor, 300)[2]).toMatch(/POST \/api\/claims +✓ 20 ms +✓ 250 ms +✗ 0\.50 +– +10\.4 \+ 4\.5 \(10\)$/);
  });

  it("prints a line a page, the floor left out, with memory and the count of checks met", () => {
    const rows = [floor, page(40, 500, 40, { pgP50: 3, cpuMs: 25 }), { ...page(40, 200, 150), page: "/sources/[id]" }];
    const lines = targetLines(rows, floor, 386);
    expect(lines).toHaveLength(2 + 2 + 2);
    expect(lines.some((l) => l.includes("framework floor)  "))).toBe(false);
    expect(lines[2]).toMatch(/^ {2}\/claims +✓ 40 ms +✗ 500 ms +✗ 0\.20 +✗ 8× +25 \(10\)$/);
    expect(lines[3]).toMatch(/\/sources\/\[id\] +✓ 40 ms +✓ 200 ms +✓ 0\.75 +– +–$/);
    expect(lines[4]).toBe(`  Server memory <${TARGETS.serverMemoryMb} MB: ✓ peak 386 MB`);
    // /claims: 1 of 4; /sources/[id]: 3 of 3; memory: 1 of 1.
    expect(lines[5]).toBe("  5 of 8 checks met.");
    expect(targetLines(rows, floor, 400)[4]).toContain("✗ peak 400 MB");
  });
});
