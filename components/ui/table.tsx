import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * The list table of every list page. Below `md` each row becomes a card: its cells stack, the
 * header row is hidden and each cell may carry its own visible label (`label`), so nothing scrolls
 * sideways on a phone.
 */
export function Table({ caption, className, children, ...props }: ComponentProps<"table"> & { caption: string }) {
  return (
    <div className="overflow-hidden rounded-lg border border-border bg-card">
      <table className={cn("w-full text-left text-sm", className)} {...props}>
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead className="hidden bg-muted text-xs uppercase tracking-wide text-muted-foreground md:table-header-group">
      <tr>{children}</tr>
    </thead>
  );
}

export function TableHeader({ className, numeric, ...props }: ComponentProps<"th"> & { numeric?: boolean }) {
  return <th scope="col" className={cn("px-4 py-3 font-semibold", numeric && "text-right", className)} {...props} />;
}

export function TableBody(props: ComponentProps<"tbody">) {
  return <tbody className="divide-y divide-border" {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("flex flex-col gap-1 px-4 py-3 hover:bg-muted/60 md:table-row md:p-0", className)} {...props} />;
}

/** A cell; `label` is shown before the value only on the card layout, where there is no header. */
export function TableCell({ className, label, numeric, muted, children, ...props }: ComponentProps<"td"> & { label?: string; numeric?: boolean; muted?: boolean }) {
  return (
    <td className={cn("md:px-4 md:py-3", numeric && "md:text-right", muted && "text-muted-foreground", className)} {...props}>
      {label ? <span className="md:hidden">{label}: </span> : null}
      {children}
    </td>
  );
}
