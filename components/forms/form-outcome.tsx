import { FormMessage } from "@/components/ui/form-message";
import { StaleChanges } from "@/components/ui/stale-changes";
import type { Outcome } from "./use-action-form";

/** The message above a form after a submit, with what someone else changed when the edit was stale. */
export function FormOutcome({ outcome }: { outcome?: Outcome }) {
  if (!outcome) return null;
  return (
    <div className="space-y-2">
      <FormMessage kind={outcome.kind}>{outcome.text}</FormMessage>
      {outcome.changes ? <StaleChanges changes={outcome.changes} /> : null}
    </div>
  );
}
