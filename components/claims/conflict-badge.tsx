/** Marks a claim caught in an open conflict: a word and a mark, never colour alone. */
export function ConflictBadge() {
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-[var(--status-disputed-bg)] px-2.5 py-0.5 text-xs font-semibold text-[var(--status-disputed)]">
      <span aria-hidden="true">⚡</span>
      Open conflict
    </span>
  );
}
