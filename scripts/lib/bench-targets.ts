// The page targets of issue #14 ("Reliability and speed"), in one place, and the check `npm run
// bench` prints after every page run: which page meets which target, and the CPU a request may
// cost for a page to reach the requests-per-second target on the same cores.

export const TARGETS = {
  /** p95 at 1 connection, ms. */
  p95At1ConnMs: 100,
  /** p95 at 20 connections, ms. */
  p95At20ConnMs: 300,
  /** Requests per second at 20 connections, as a share of the framework floor's (/login signed out). */
  shareOfFloorRps: 0.7,
  /** The page's p50 at 1 connection over the same database work's straight through `pg`. */
  overPgFloorP50: 2,
  /** The server's resident memory through the run, MB. */
  serverMemoryMb: 400,
} as const;

interface AtTwenty {
  rps: number;
  cpuMs?: number;
  dbCpuMs?: number;
}

interface Measured {
  page: string;
  c1: { p50: number; p95: number };
  c20: AtTwenty & { p95: number };
  floor1?: { p50: number };
  /**
   * The framework floor at 20 connections measured beside this page (the mean of its runs just
   * before and just after the page's), so that a change in the machine's speed during the run moves
   * page and floor together. A page's share and CPU budget are taken against it where there is one,
   * and against the floor's own run otherwise.
   */
  floorBeside20?: AtTwenty;
}

export interface TargetCheck {
  p95At1: boolean;
  p95At20: boolean;
  /** Requests per second at 20 connections over the framework floor's. */
  share: number;
  shareMet: boolean;
  /** p50 at 1 connection over the pg floor's, for pages measured against one. */
  overPg?: number;
  overPgMet?: boolean;
  /**
   * The CPU per request (ms) at which this page would reach the share target on the same cores: the
   * floor's CPU over the share, PostgreSQL's included where it was measured (it runs on them too).
   */
  cpuBudgetMs?: number;
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** The floor a page is compared with: the one measured beside it, or the floor's own run. */
export const floorOf = (row: Measured, floor: Measured): AtTwenty => row.floorBeside20 ?? floor.c20;

/**
 * The floor beside a page from its runs before and after the page's: requests per second and CPU a
 * request averaged (a CPU figure only where both runs have one).
 */
export function floorBetween(before: AtTwenty, after: AtTwenty): AtTwenty {
  const mean = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : round((a + b) / 2, 1));
  const cpuMs = mean(before.cpuMs, after.cpuMs);
  const dbCpuMs = mean(before.dbCpuMs, after.dbCpuMs);
  return { rps: round((before.rps + after.rps) / 2, 1), ...(cpuMs === undefined ? {} : { cpuMs }), ...(dbCpuMs === undefined ? {} : { dbCpuMs }) };
}

/** Requests per second at 20 connections as a share of the floor's (two places). */
export const shareOfFloor = (row: Measured, floor: Measured) => {
  const { rps } = floorOf(row, floor);
  return rps > 0 ? round(row.c20.rps / rps, 2) : 0;
};

/** The page's p50 at 1 connection over the pg floor's (one place), if it was measured against one. */
export const overPgFloor = (row: Measured) => (row.floor1 && row.floor1.p50 > 0 ? round(row.c1.p50 / row.floor1.p50, 1) : undefined);

export function checkTargets(row: Measured, floor: Measured): TargetCheck {
  const share = shareOfFloor(row, floor);
  const overPg = overPgFloor(row);
  const beside = floorOf(row, floor);
  return {
    p95At1: row.c1.p95 < TARGETS.p95At1ConnMs,
    p95At20: row.c20.p95 < TARGETS.p95At20ConnMs,
    share,
    shareMet: share >= TARGETS.shareOfFloorRps,
    ...(overPg === undefined ? {} : { overPg, overPgMet: overPg <= TARGETS.overPgFloorP50 }),
    ...(beside.cpuMs ? { cpuBudgetMs: round((beside.cpuMs + (beside.dbCpuMs ?? 0)) / TARGETS.shareOfFloorRps, 1) } : {}),
  };
}

const mark = (met: boolean) => (met ? "✓" : "✗");

/**
 * The printed table: one line a page (the floor itself left out), then memory and the count of
 * checks met. A share taken against the floor beside its page shows that floor's requests a second.
 */
export function targetLines(rows: Measured[], floor: Measured, peakMemoryMb: number): string[] {
  const { p95At1ConnMs, p95At20ConnMs, shareOfFloorRps, overPgFloorP50, serverMemoryMb } = TARGETS;
  const lines = [
    `Targets of #14 (✓ met, ✗ missed); the floor: ${floor.page}, ${floor.c20.rps} req/s at 20 connections in its own run${rows.some((r) => r.floorBeside20) ? " (a share \"of N\" is of the floor measured beside that page, N req/s)" : ""}`,
    `  ${"page".padEnd(40)} ${`p95 1 conn <${p95At1ConnMs}`.padEnd(16)} ${`p95 20 conn <${p95At20ConnMs}`.padEnd(17)} ${`req/s ≥${shareOfFloorRps} floor`.padEnd(22)} ${`≤${overPgFloorP50}× pg floor`.padEnd(14)} CPU ms/req: server [+ PostgreSQL] (together, for ${shareOfFloorRps}: ≤)`,
  ];
  let met = 0;
  let checks = 0;
  for (const row of rows) {
    if (row === floor) continue;
    const t = checkTargets(row, floor);
    const results = [t.p95At1, t.p95At20, t.shareMet, ...(t.overPgMet === undefined ? [] : [t.overPgMet])];
    met += results.filter(Boolean).length;
    checks += results.length;
    const db = row.c20.dbCpuMs === undefined ? "" : ` + ${row.c20.dbCpuMs}`;
    const cpu = row.c20.cpuMs === undefined ? "–" : `${row.c20.cpuMs}${db}${t.cpuBudgetMs === undefined ? "" : ` (${t.cpuBudgetMs})`}`;
    lines.push(
      `  ${row.page.padEnd(40)} ${`${mark(t.p95At1)} ${row.c1.p95} ms`.padEnd(16)} ${`${mark(t.p95At20)} ${row.c20.p95} ms`.padEnd(17)} ${`${mark(t.shareMet)} ${t.share.toFixed(2)}${row.floorBeside20 ? ` of ${Math.round(row.floorBeside20.rps)}` : ""}`.padEnd(22)} ${(t.overPg === undefined ? "–" : `${mark(t.overPgMet!)} ${t.overPg}×`).padEnd(14)} ${cpu}`,
    );
  }
  const memoryMet = peakMemoryMb < serverMemoryMb;
  lines.push(`  Server memory <${serverMemoryMb} MB: ${mark(memoryMet)} peak ${peakMemoryMb} MB`);
  lines.push(`  ${met + Number(memoryMet)} of ${checks + 1} checks met.`);
  return lines;
}
