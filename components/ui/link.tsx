"use client";
import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * The app's link: next/link, prefetching its page once the reader shows intent (the pointer over
 * it, keyboard focus, a touch) rather than as soon as it scrolls into view. next/link's default
 * fetched every visible link's page: about 32 requests to the server a view of the seeded claims
 * list, which cost the server about 2–3 times the CPU of the page itself; a list of 50 claims,
 * or a metric chart's hundreds of marks, asked for more. `prefetch={false}` still turns it off.
 */
export function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  /** The link's own handler, after noting the reader's intent. */
  const noting =
    <E,>(handler?: (event: E) => void) =>
    (event: E) => {
      setIntent(true);
      handler?.(event);
    };
  return (
    <NextLink
      {...props}
      prefetch={prefetch === false || !intent ? false : (prefetch ?? null)}
      onMouseEnter={noting(onMouseEnter)}
      onFocus={noting(onFocus)}
      onTouchStart={noting(onTouchStart)}
    />
  );
}
