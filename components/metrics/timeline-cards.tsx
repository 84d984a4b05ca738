"use client";
import { createContext, useContext, useState, type ComponentProps } from "react";
import { createPortal } from "react-dom";
import { cn } from "@/lib/cn";
import type { MarkCard } from "@/lib/timeline";

const Cards = createContext<Record<string, MarkCard>>({});

/** The card of figure `n`, for its mark's accessible name (timeline-marks.tsx). */
export const useMarkCard = (n: number): MarkCard | undefined => useContext(Cards)[n];

const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>("a[data-card]") : null);

/**
 * The timeline's figure, with the card a mark shows while the pointer is on it or it has keyboard
 * focus: drawn into the hovered or focused mark only, from text sent once for the whole chart,
 * rather than a hidden card in every mark of the page. The card repeats the mark's accessible name
 * for the eye and is hidden from assistive technology. The marks build that name from the same
 * cards (useMarkCard), so each figure's text reaches the browser once.
 */
export function TimelineFigure({ cards, children, ...props }: ComponentProps<"figure"> & { cards: Record<string, MarkCard> }) {
  const [hovered, setHovered] = useState<HTMLElement | null>(null);
  const [focused, setFocused] = useState<HTMLElement | null>(null);
  const card = (mark: HTMLElement) => {
    const c = cards[mark.dataset.card ?? ""];
    if (!c) return null;
    const [statement, value, sources, , leftwards] = c;
    return createPortal(
      <span
        aria-hidden="true"
        className={cn(
          "pointer-events-none absolute top-full mt-1 block w-60 max-w-[45vw] rounded-md border border-border bg-card p-2 text-left text-xs font-normal text-foreground shadow-lg",
          leftwards ? "right-0" : "left-0",
        )}
      >
        <span className="block font-medium">{statement}</span>
        <span className="mt-1 block">{value}</span>
        <span className="mt-1 block text-muted-foreground">Source: {sources}</span>
      </span>,
      mark,
    );
  };
  return (
    <figure
      {...props}
      onPointerOver={(e) => setHovered(markOf(e.target))}
      onPointerLeave={() => setHovered(null)}
      onFocus={(e) => {
        const mark = markOf(e.target);
        setFocused(mark?.matches(":focus-visible") ? mark : null);
      }}
      onBlur={() => setFocused(null)}
    >
      <Cards value={cards}>{children}</Cards>
      {hovered ? card(hovered) : null}
      {focused && focused !== hovered ? card(focused) : null}
    </figure>
  );
}
