"use client";
import { useEffect, useRef, useState, type ComponentProps } from "react";
import { searchActorsAction } from "@/app/(app)/citations/actions";
import { Input } from "@/components/ui/input";
import { ACTOR_KIND_LABELS } from "@/lib/labels";
import { nameKey } from "@/lib/name-keys";

export type ActorChoice = { id: string; name: string; kind: keyof typeof ACTOR_KIND_LABELS };

/**
 * A name box that suggests actors already recorded (a datalist fed by the server as the editor
 * types), so the same origin is picked rather than typed a second way. `onPick` hears when the
 * typed name is one of them.
 */
export function ActorNameInput({ onChange, onPick, ...props }: ComponentProps<"input"> & { id: string; onPick?: (actor: ActorChoice) => void }) {
  const [choices, setChoices] = useState<ActorChoice[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  const listId = `${props.id}-suggestions`;

  return (
    <>
      <Input
        {...props}
        list={listId}
        autoComplete="off"
        onChange={(event) => {
          onChange?.(event);
          const typed = event.target.value;
          const known = choices.find((c) => nameKey(c.name) === nameKey(typed));
          if (known) onPick?.(known);
          clearTimeout(timer.current);
          const ticket = ++latest.current;
          timer.current = setTimeout(async () => {
            const found = typed.trim() ? ((await searchActorsAction(typed)) as ActorChoice[]) : [];
            if (ticket !== latest.current) return;
            setChoices(found);
            const match = found.find((c) => nameKey(c.name) === nameKey(typed));
            if (match) onPick?.(match);
          }, 200);
        }}
      />
      <datalist id={listId}>
        {choices.map((c) => (
          <option key={c.id} value={c.name} label={ACTOR_KIND_LABELS[c.kind]} />
        ))}
      </datalist>
    </>
  );
}
