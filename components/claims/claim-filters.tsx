import { Link } from "@/components/ui/link";
import { GetForm } from "@/components/forms/get-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/labels";
import { REVIEW_STATE_LABELS, reviewStateOfFilter } from "@/lib/review-state";
import { CLAIM_SORTS, SORT_LABELS, claimsHref, type ClaimFilters } from "@/lib/schemas/claim-filters";

const field = "flex flex-col gap-1 text-sm font-medium";

/**
 * The claims list's filters as a plain GET form: the view is the URL, so it works without
 * JavaScript, survives a reload and can be sent as a link.
 */
export function ClaimFilterBar(props: {
  filters: ClaimFilters;
  tags: { name: string }[];
  assignees: { id: string; name: string }[];
  names: { metric?: string; source?: string; assignee?: string };
}) {
  const { filters: f, names } = props;
  const chips = [
    f.metric ? { key: "metric", label: `Metric: ${names.metric ?? "unknown"}` } : null,
    f.source ? { key: "source", label: `Source: ${names.source ?? "unknown"}` } : null,
    f.review ? { key: "review", label: `Review: ${REVIEW_STATE_LABELS[reviewStateOfFilter(f.review) ?? "WAITING"]}` } : null,
  ].filter((c) => c !== null);

  return (
    <GetForm action="/claims" defaults={{ sort: "newest" }} role="search" aria-label="Filter claims" className="space-y-3 rounded-lg border border-border bg-card p-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <label className={`${field} flex-1`}>
          Search claims
          <Input
            type="search"
            name="q"
            defaultValue={f.q ?? ""}
            placeholder="Words from statements and quotes, e.g. volunteers"
            aria-keyshortcuts="/"
            data-shortcut-search
          />
        </label>
        <Button type="submit" className="sm:w-auto">
          Apply
        </Button>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        <label className={field}>
          Status
          <Select name="status" defaultValue={f.status ?? ""}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </label>
        <label className={field}>
          Kind
          <Select name="kind" defaultValue={f.kind ?? ""}>
            <option value="">Any kind</option>
            {Object.entries(KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </label>
        <label className={field}>
          Tag
          <Select name="tag" defaultValue={f.tag ?? ""}>
            <option value="">Any tag</option>
            {f.tag && !props.tags.some((t) => t.name === f.tag) ? <option value={f.tag}>{f.tag}</option> : null}
            {props.tags.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
          </Select>
        </label>
        <label className={field}>
          Assignee
          <Select name="assignee" defaultValue={f.assignee ?? ""}>
            <option value="">Anyone</option>
            <option value="me">Assigned to me</option>
            <option value="none">Unassigned</option>
            {f.assignee && f.assignee !== "me" && f.assignee !== "none" && !props.assignees.some((a) => a.id === f.assignee) ? (
              <option value={f.assignee}>{names.assignee ?? "Someone else"}</option>
            ) : null}
            {props.assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </label>
        <label className={field}>
          Sort
          <Select name="sort" defaultValue={f.sort}>
            {CLAIM_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium">
          <input type="checkbox" name="conflict" value="open" defaultChecked={f.conflict === "open"} className="size-4 accent-[var(--primary)]" />
          Has open conflict
        </label>
      </div>
      {chips.length ? (
        <ul aria-label="Other filters" className="flex flex-wrap gap-2">
          {chips.map((c) => (
            <li key={c.key} className="inline-flex max-w-full items-center gap-2 rounded-full border border-border bg-muted py-1 pl-3 pr-1 text-sm">
              <span className="truncate">{c.label}</span>
              {/* Kept in the form so "Apply" does not drop it. */}
              <input type="hidden" name={c.key} value={f[c.key as "metric" | "source" | "review"]} />
              <Link
                href={claimsHref(f, { [c.key]: undefined })}
                aria-label={`Remove filter ${c.label}`}
                className="rounded-full px-2 text-muted-foreground hover:bg-card hover:text-foreground"
              >
                ✕
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </GetForm>
  );
}
