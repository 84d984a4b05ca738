import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";

/** What an empty list means and what to do next: a link to the next step when there is one. */
export function EmptyState(props: { title: string; children?: ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="rounded-lg border border-dashed border-border bg-card/50 px-4 py-8 text-center sm:p-10" data-empty-state>
      <p className="font-medium">{props.title}</p>
      {props.children ? <div className="mx-auto mt-1 max-w-prose text-sm text-muted-foreground">{props.children}</div> : null}
      {props.action ? (
        <Link href={props.action.href} className="mt-4 inline-flex min-h-10 items-center rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground hover:opacity-90">
          {props.action.label}
        </Link>
      ) : null}
    </div>
  );
}
