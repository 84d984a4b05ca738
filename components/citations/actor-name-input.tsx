"use client";
import { useEffect, useRef, useState, type ChangeEvent, type ComponentProps } from "react";
import { searchActorsAction } from "@/app/(app)/citations/actions";
import { Input } from "@/components/ui/input";
import { nearDuplicates } from "@/lib/actor-names";
import { ACTOR_KIND_LABELS } from "@/lib/labels";
import { nameKey } from "@/lib/name-keys";

export type ActorChoice = { id: string; name: string; kind: keyof typeof ACTOR_KIND_LABELS };

/**
 * A name box that suggests actors already recorded (a datalist fed by the server as the editor
 * types), so the same origin is picked rather than typed a second way. `onPick` hears when the
 * typed name is one of them. A name that may be a recorded actor typed another way ("OCHA" for
 * "UN Office for the Coordination of Humanitarian Affairs (OCHA)") is warned about, with a button
 * to use the recorded name instead (lib/actor-names.ts decides).
 */
export function ActorNameInput({ onChange, onPick, ref, ...props }: ComponentProps<"input"> & { id: string; onPick?: (actor: ActorChoice) => void }) {
  const [choices, setChoices] = useState<ActorChoice[]>([]);
  const [typed, setTyped] = useState("");
  const input = useRef<HTMLInputElement | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);
  const listId = `${props.id}-suggestions`;
  const warningId = `${props.id}-near`;
  const exact = choices.some((c) => nameKey(c.name) === nameKey(typed));
  const similar = exact ? [] : nearDuplicates(typed, choices);

  const suggest = (value: string) => {
    setTyped(value);
    const known = choices.find((c) => nameKey(c.name) === nameKey(value));
    if (known) onPick?.(known);
    clearTimeout(timer.current);
    const ticket = ++latest.current;
    timer.current = setTimeout(async () => {
      const found = value.trim() ? ((await searchActorsAction(value)) as ActorChoice[]) : [];
      if (ticket !== latest.current) return;
      setChoices(found);
      const match = found.find((c) => nameKey(c.name) === nameKey(value));
      if (match) onPick?.(match);
    }, 200);
  };
  /** Puts the recorded name in the box, as typing it would. */
  const use = (actor: ActorChoice) => {
    const el = input.current;
    if (!el) return;
    el.value = actor.name;
    onChange?.({ target: el, currentTarget: el, type: "change" } as unknown as ChangeEvent<HTMLInputElement>);
    setTyped(actor.name);
    onPick?.(actor);
    el.focus();
  };
  const describedBy = [props["aria-describedby"], similar.length ? warningId : null].filter(Boolean).join(" ") || undefined;

  return (
    <>
      <Input
        {...props}
        ref={(el) => {
          input.current = el;
          if (typeof ref === "function") ref(el);
          else if (ref) ref.current = el;
        }}
        aria-describedby={describedBy}
        list={listId}
        autoComplete="off"
        onChange={(event) => {
          onChange?.(event);
          suggest(event.target.value);
        }}
      />
      <datalist id={listId}>
        {choices.map((c) => (
          <option key={c.id} value={c.name} label={ACTOR_KIND_LABELS[c.kind]} />
        ))}
      </datalist>
      {similar.length ? (
        <div id={warningId} className="space-y-1 rounded-md border border-[var(--status-in-review)] bg-[var(--status-in-review-bg)] px-3 py-2 text-sm text-foreground">
          {similar.map(({ actor, reason }) => (
            <p key={actor.id}>
              Already recorded: <span className="font-medium">{actor.name}</span> ({ACTOR_KIND_LABELS[actor.kind]}), maybe the same: {reason}. Typed another way it
              would count as another origin.{" "}
              <button type="button" className="font-medium underline" onClick={() => use(actor)}>
                Use “{actor.name}”
              </button>
            </p>
          ))}
        </div>
      ) : null}
    </>
  );
}
