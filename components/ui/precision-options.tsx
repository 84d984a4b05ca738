import { PRECISION_LABELS } from "@/lib/labels";
import { DATE_PRECISIONS } from "@/lib/values";

/** The options of a "known to the day / month / year" select. */
export function PrecisionOptions() {
  return (
    <>
      <option value="">Choose…</option>
      {DATE_PRECISIONS.map((p) => (
        <option key={p} value={p}>
          {PRECISION_LABELS[p]}
        </option>
      ))}
    </>
  );
}
