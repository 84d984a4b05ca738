import type { StaleChange } from "@/lib/action-result";
import { excerpt } from "@/lib/values";

const shown = (v: unknown) => {
  const text = v === null || v === undefined ? "—" : Array.isArray(v) ? v.join(", ") : typeof v === "object" ? JSON.stringify(v) : String(v);
  return excerpt(text, 120);
};

/** What someone else changed since the editor opened the form, so a refused edit can be redone knowingly. */
export function StaleChanges({ changes }: { changes: StaleChange[] }) {
  if (!changes.length) return null;
  return (
    <div className="rounded-md border border-border bg-muted px-3 py-2 text-sm">
      <p className="font-medium">What changed since you opened it:</p>
      <ul className="mt-1 list-disc pl-5 break-words">
        {changes.flatMap((c) =>
          c.fields.map((f) => (
            <li key={`${c.at}-${f.field}`}>
              {c.by} changed <span className="font-medium">{f.field}</span> from “{shown(f.from)}” to “{shown(f.to)}”
            </li>
          )),
        )}
      </ul>
    </div>
  );
}
