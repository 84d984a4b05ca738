const DAY = 86_400_000;

/** The Monday 00:00 UTC that starts the week holding `at`. */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}

/**
 * The last `weeks` weeks up to and including the one holding `now`, oldest first, each with its
 * count from `rows` (weeks with no row count 0; rows outside the range are ignored).
 */
export function weeklySeries(rows: { week: Date; count: number }[], now: Date, weeks: number): { week: Date; count: number }[] {
  const last = weekStart(now).getTime();
  const byWeek = new Map(rows.map((r) => [weekStart(r.week).getTime(), r.count]));
  return Array.from({ length: weeks }, (_, i) => {
    const week = last - (weeks - 1 - i) * 7 * DAY;
    return { week: new Date(week), count: byWeek.get(week) ?? 0 };
  });
}
