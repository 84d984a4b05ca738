
/** Marks a claim caught in an open conflict: a word and a mark, never colour alone. */
export function ConflictBadge() {
  return (
    <span className="badge tone-disputed">
      <span aria-hidden="true">⚡</span>
      Open conflict
    </span>
  );
}
