"use client";
import { Link } from "@/components/ui/link";
import { useState } from "react";
import { arrangeSheetAction } from "@/app/(app)/fact-sheets/actions";
import { StatusBadge } from "@/components/claims/status-badge";
import { useActionButton } from "@/components/forms/use-action-button";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import type { ClaimStatus } from "@/lib/labels";

export interface ArrangeItem {
  id: string;
  statement: string;
  status: ClaimStatus;
  valueText: string | null;
  section: string | null;
  reasonText: string;
}

/**
 * The sheet's claims in order, a page of them at a time (`first` is the position of the page's
 * first claim, `total` the sheet's count). Editors move them with the Move up / Move down buttons
 * (each move is announced) or by dragging, set section headings and remove claims, then save the
 * page's arrangement at once; reviewers see the list only.
 */
export function ArrangeClaims(props: { sheetId: string; version: number; items: ArrangeItem[]; first: number; total: number; editable: boolean }) {
  const [items, setItems] = useState(props.items);
  const [announce, setAnnounce] = useState("");
  const [dragging, setDragging] = useState<number | null>(null);
  const { run, pending, problem } = useActionButton(arrangeSheetAction, { toast: "Order and sections saved." });
  const dirty = JSON.stringify(items.map((i) => [i.id, i.section ?? ""])) !== JSON.stringify(props.items.map((i) => [i.id, i.section ?? ""]));

  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    setItems(next);
    setAnnounce(`Moved “${item!.statement}” to position ${props.first + to} of ${props.total - (props.items.length - next.length)}.`);
  };
  const setSection = (index: number, section: string) => setItems(items.map((item, i) => (i === index ? { ...item, section } : item)));
  const remove = (index: number) => {
    setAnnounce(`Removed “${items[index]!.statement}” from the sheet (not saved yet).`);
    setItems(items.filter((_, i) => i !== index));
  };
  const save = () =>
    run({ sheetId: props.sheetId, version: props.version, items: items.map((i) => ({ claimId: i.id, section: i.section })), replaces: props.items.map((i) => i.id) });

  if (!items.length) return <p className="text-sm text-muted-foreground">No claims on this sheet yet.{props.editable ? " Add one below, or from a view of the claims list." : ""}</p>;

  return (
    <div className="space-y-3">
      {problem ? <FormMessage kind="error">{problem}</FormMessage> : null}
      <p role="status" aria-live="polite" className="sr-only">
        {announce}
      </p>
      <ol aria-label="Claims on this sheet, in order" start={props.first} className="space-y-2">
        {items.map((item, index) => {
          const newSection = item.section && item.section !== items[index - 1]?.section;
          return (
            <li
              key={item.id}
              draggable={props.editable}
              onDragStart={(e) => {
                setDragging(index);
                e.dataTransfer.effectAllowed = "move";
                e.dataTransfer.setData("text/plain", item.id);
              }}
              onDragOver={(e) => {
                if (dragging !== null) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragging !== null) move(dragging, index);
                setDragging(null);
              }}
              onDragEnd={() => setDragging(null)}
              data-testid="sheet-claim"
              className={cn("rounded-md border border-border bg-card p-3", dragging === index && "opacity-50", props.editable && "cursor-grab")}
            >
              {newSection ? <p className="mb-2 font-serif text-base font-semibold">{item.section}</p> : null}
              <div className="flex flex-wrap items-start gap-3">
                <span className="font-mono text-sm text-muted-foreground" aria-hidden="true">
                  {props.first + index}.
                </span>
                <div className="min-w-0 flex-1 space-y-1">
                  <Link href={`/claims/${item.id}`} className="font-medium underline-offset-2 hover:underline">
                    {item.statement}
                  </Link>
                  {item.valueText ? <p className="text-sm text-muted-foreground">{item.valueText}</p> : null}
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <StatusBadge status={item.status} />
                    {item.reasonText ? <span className="text-danger">Not publishable: {item.reasonText}</span> : <span className="text-muted-foreground">Publishable</span>}
                  </div>
                </div>
              </div>
              {props.editable ? (
                <div className="mt-3 flex flex-wrap items-end gap-2">
                  <div className="min-w-48 flex-1 space-y-1">
                    <label htmlFor={`section-${item.id}`} className="text-xs font-medium text-muted-foreground">
                      Section heading for claim {props.first + index}
                    </label>
                    <Input id={`section-${item.id}`} value={item.section ?? ""} onChange={(e) => setSection(index, e.target.value)} placeholder="None" className="min-h-9" />
                  </div>
                  <Button type="button" variant="secondary" className="min-h-9 px-3" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`Move “${item.statement}” up`}>
                    ↑ Up
                  </Button>
                  <Button type="button" variant="secondary" className="min-h-9 px-3" disabled={index === items.length - 1} onClick={() => move(index, index + 1)} aria-label={`Move “${item.statement}” down`}>
                    ↓ Down
                  </Button>
                  <Button type="button" variant="ghost" className="min-h-9 px-3" onClick={() => remove(index)} aria-label={`Remove “${item.statement}” from the sheet`}>
                    Remove
                  </Button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {props.editable ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" onClick={save} disabled={!dirty || pending}>
            {pending ? "Saving…" : "Save order and sections"}
          </Button>
          {dirty ? (
            <>
              <Button type="button" variant="secondary" onClick={() => setItems(props.items)}>
                Undo changes
              </Button>
              <span className="text-sm text-muted-foreground">Unsaved changes.</span>
            </>
          ) : null}
          <span className="text-sm text-muted-foreground">Drag a claim, or use Up and Down, to reorder.</span>
        </div>
      ) : null}
    </div>
  );
}
