import { Link } from "@/components/ui/link";

const count = (n: number) => n.toLocaleString("en-GB");

/** "Claims 1–100 of 1,000" and links to the pages before and after, for a list paged by position (`?from=`). */
export function RangePager({ label, noun, first, last, total, pageSize, previous, next, hint, className = "" }: {
  /** The navigation's accessible name, e.g. "Pages of claims". */
  label: string;
  noun: string;
  first: number;
  last: number;
  total: number;
  pageSize: number;
  previous: string | null;
  next: string | null;
  /** Said after the range, e.g. how to move a row within the page. */
  hint?: string;
  className?: string;
}) {
  const link = "rounded-md border border-border bg-card px-3 py-1.5 font-medium hover:bg-muted";
  return (
    <nav aria-label={label} className={`flex flex-wrap items-center justify-between gap-2 text-sm ${className}`}>
      <p>
        {noun} {count(first)}–{count(last)} of {count(total)}
        {hint ? `; ${hint}` : ""}
      </p>
      <div className="flex gap-2">
        {previous ? (
          <Link href={previous} className={link}>
            ← Previous {pageSize}
          </Link>
        ) : null}
        {next ? (
          <Link href={next} className={link}>
            Next {Math.min(pageSize, total - last)} →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
