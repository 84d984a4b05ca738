import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

const tones = {
  neutral: "bg-muted text-foreground",
  outline: "border border-border bg-card text-foreground",
  danger: "bg-danger-muted text-danger",
} as const;

/** A short label in a pill; colour is only ever an extra, the words carry the meaning. */
export function Badge({ className, tone = "neutral", ...props }: ComponentProps<"span"> & { tone?: keyof typeof tones }) {
  return <span className={cn("inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold", tones[tone], className)} {...props} />;
}
