import { cn } from "@/lib/cn";

/** A grey placeholder where content is still loading; hidden from screen readers, which hear the status instead. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted motion-reduce:animate-none", className)} />;
}

/** The loading state of a page: one polite announcement, then the page's shape in grey. */
export function PageSkeleton({ kind, label }: { kind: "list" | "detail" | "dashboard"; label: string }) {
  return (
    <div className="space-y-6" data-loading>
      <p role="status" className="sr-only">
        {label}
      </p>
      <div className="space-y-2">
        <Skeleton className="h-9 w-48" />
        <Skeleton className="h-4 w-full max-w-md" />
      </div>
      {kind === "list" ? (
        <>
          <Skeleton className="h-28 w-full" />
          <div className="divide-y divide-border rounded-lg border border-border bg-card">
            {Array.from({ length: 6 }, (_, i) => (
              <div key={i} className="flex flex-col gap-2 p-4 md:flex-row md:items-center md:gap-6">
                <Skeleton className="h-4 w-full md:w-1/2" />
                <Skeleton className="h-4 w-24" />
                <Skeleton className="h-5 w-20 rounded-full" />
              </div>
            ))}
          </div>
        </>
      ) : kind === "dashboard" ? (
        <>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-7">
            {Array.from({ length: 7 }, (_, i) => (
              <Skeleton key={i} className="h-16" />
            ))}
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <Skeleton className="h-64" />
            <Skeleton className="h-64" />
          </div>
        </>
      ) : (
        <div className="space-y-4">
          <Skeleton className="h-24 w-full" />
          <Skeleton className="h-48 w-full" />
          <Skeleton className="h-32 w-full" />
        </div>
      )}
    </div>
  );
}
