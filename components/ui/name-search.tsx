import { Button } from "./button";
import { Input } from "./input";
import { Label } from "./label";

/** A plain GET search form (`?q=`): works without JavaScript and leaves a shareable address. */
export function NameSearch(props: { action: string; label: string; query?: string; keep?: Record<string, string | undefined> }) {
  return (
    <form role="search" action={props.action} method="get" className="flex w-full max-w-md items-end gap-2">
      <div className="min-w-0 flex-1 space-y-1.5">
        <Label htmlFor="q">{props.label}</Label>
        <Input id="q" name="q" type="search" defaultValue={props.query ?? ""} />
      </div>
      {Object.entries(props.keep ?? {}).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
