import { Fragment, useMemo } from "react";
import { segmentText } from "@/lib/anchoring";
import { cn } from "@/lib/cn";
import { excerpt } from "@/lib/values";

/** A passage shown over the text: cited (highlighted) or noted (underlined), numbered and linked. */
export type Spanned = { start: number; end: number; key: string; kind: "citation" | "note"; label: string; title: string; href: string };

/** The stored text cut into pieces at every passage edge, each piece marked by the passages over it. */
export function HighlightedText({ text, spans }: { text: string; spans: readonly Spanned[] }) {
  const byKey = useMemo(() => new Map(spans.map((s) => [s.key, s])), [spans]);
  const segments = useMemo(() => segmentText(text.length, spans.map((s) => ({ id: s.key, start: s.start, end: s.end }))), [text.length, spans]);
  return (
    <>
  {segments.map((segment) => {
    const starting = spans.filter((s) => s.start === segment.start && segment.ids.includes(s.key));
    const ending = segment.ids.map((id) => byKey.get(id)!).filter((s) => s.end === segment.end);
    const cited = segment.ids.some((id) => id.startsWith("c-"));
    const noted = segment.ids.some((id) => id.startsWith("n-"));
    const piece = text.slice(segment.start, segment.end);
    return (
      <Fragment key={segment.start}>
        {starting.map((s) => (
          <span key={s.key} id={`passage-${s.key}`} className="scroll-mt-24" />
        ))}
        {segment.ids.length ? (
          <mark
            data-start={segment.start}
            title={segment.ids.map((id) => `${byKey.get(id)!.label}: ${byKey.get(id)!.title}`).join("\n")}
            className={cn(
              "rounded-sm text-foreground",
              cited ? "bg-[var(--highlight-cite)]" : "bg-[var(--highlight-note-bg)]",
              noted && "underline decoration-[var(--highlight-note)] decoration-dashed decoration-2 underline-offset-4",
            )}
          >
            {piece}
          </mark>
        ) : (
          <span data-start={segment.start}>{piece}</span>
        )}
        {ending.map((s) => (
          <sup key={s.key} className="select-none px-0.5 font-sans text-xs font-semibold">
            <a href={s.href} className="text-primary underline" aria-label={`${s.label}, ${excerpt(s.title, 100)}`}>
              {s.label}
            </a>
          </sup>
        ))}
      </Fragment>
    );
  })}
    </>
  );
}
