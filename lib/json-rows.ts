// Rows that PostgreSQL gathers with json_agg arrive as JSON: times as ISO text, bigints as text.
// These turn them back into what Prisma would have read, so a raw read keeps Prisma's types.

/** A row's columns as JSON carries them: times as ISO strings, bigints as text. */
export type AsJson<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] extends bigint ? string : T[K] extends object | null ? AsJson<T[K]> : T[K];
};

/** A time (`timestamptz` as "2026-12-04T14:06:19.123+00:00", `date` as "2026-12-04") as Prisma reads it. */
export const jsonDate = (value: string) => new Date(value);

/** As `jsonDate`, keeping null. */
export const jsonDateOrNull = (value: string | null) => (value === null ? null : new Date(value));
