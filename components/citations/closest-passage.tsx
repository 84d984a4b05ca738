"use client";
import { Button } from "@/components/ui/button";
import type { ClosestPassage } from "@/lib/quote-match";

/**
 * When a quote is not in the source's text word for word: the closest passage there, with what
 * differs marked (struck through: only in your quote; underlined: only in the source), and a
 * button to take the source's words.
 */
export function ClosestPassageOffer({ found, onUse }: { found: ClosestPassage; onUse: (passage: string) => void }) {
  return (
    <div role="region" aria-label="Closest passage in the source" className="space-y-2 rounded-md border border-[var(--status-in-review)] bg-[var(--status-in-review-bg)] p-3 text-sm">
      <p>
        The closest passage in the source’s text ({found.distance === 1 ? "1 character differs" : `${found.distance} characters differ`}: <del className="text-danger">struck through</del>{" "}
        is only in your quote, <ins className="font-semibold underline decoration-2">underlined</ins> only in the source):
      </p>
      <blockquote className="whitespace-pre-wrap break-words border-l-4 border-primary pl-3 font-serif text-base" data-testid="closest-passage">
        {found.pieces.map((p, i) =>
          p.kind === "same" ? (
            <span key={i}>{p.text}</span>
          ) : p.kind === "quote" ? (
            <del key={i} className="text-danger">
              <span className="sr-only">(only in your quote: </span>
              {p.text}
              <span className="sr-only">)</span>
            </del>
          ) : (
            <ins key={i} className="font-semibold underline decoration-2">
              <span className="sr-only">(only in the source: </span>
              {p.text}
              <span className="sr-only">)</span>
            </ins>
          ),
        )}
      </blockquote>
      <Button type="button" variant="secondary" className="min-h-9 px-3" onClick={() => onUse(found.passage)}>
        Use the source’s words
      </Button>
    </div>
  );
}
