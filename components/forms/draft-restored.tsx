import { Button } from "@/components/ui/button";

/** Said above a form whose unsaved input came back from this browser's draft. */
export function DraftRestored({ onDiscard }: { onDiscard: () => void }) {
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-border bg-muted px-3 py-2 text-sm">
      <span>Your unsaved changes were restored.</span>
      <Button type="button" variant="ghost" className="min-h-8 px-2" onClick={onDiscard}>
        Discard them
      </Button>
    </div>
  );
}
