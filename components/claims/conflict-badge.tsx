import { Badge } from "@/components/ui/badge";

/** Marks a claim caught in an open conflict: a word and a mark, never colour alone. */
export function ConflictBadge() {
  return (
    <Badge className="bg-[var(--status-disputed-bg)] text-[var(--status-disputed)]">
      <span aria-hidden="true">⚡</span>
      Open conflict
    </Badge>
  );
}
