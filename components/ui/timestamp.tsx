const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A moment something happened (a change, a comment, a decision), in UTC so every reader sees the same time. */
export function Timestamp({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{dateTime.format(at)} UTC</time>;
}
