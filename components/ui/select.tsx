import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** The native select: keyboard, screen readers and phones already know it. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn("block min-h-10 w-full rounded-md border border-border bg-card px-3 text-base text-foreground aria-invalid:border-danger", className)}
      {...props}
    />
  );
}
