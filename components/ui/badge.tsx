import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

const tones = {
  neutral: "bg-muted text-foreground",
  outline: "border border-border bg-card text-foreground",
  danger: "bg-danger-muted text-danger",
} as const;

/** A short label in a pill (the `badge` class, app/globals.css); colour is only ever an extra, the words carry the meaning. */
export function Badge({ className, tone = "neutral", ...props }: ComponentProps<"span"> & { tone?: keyof typeof tones }) {
  return <span className={cn("badge", tones[tone], className)} {...props} />;
}
