"use client";
import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";

export const NAV_LINKS = [
  ["/", "Dashboard"],
  ["/claims", "Claims"],
  ["/sources", "Sources"],
  ["/metrics", "Metrics"],
  ["/events", "Events"],
  ["/conflicts", "Conflicts"],
  ["/fact-sheets", "Fact sheets"],
] as const;

const isCurrent = (pathname: string, href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));

/**
 * The app's sections: a row of links on wide screens; on a phone one "Menu" button that opens
 * them with the account controls (`account`), so the header stays one line.
 */
export function MainNav(props: { account: ReactNode; shortcuts: ReactNode; /** Sections only some roles have (admin pages). */ extra?: readonly (readonly [string, string])[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const admin = useRef<HTMLDetailsElement>(null);
  // Following a link closes the menus.
  useEffect(() => {
    setOpen(false);
    admin.current?.removeAttribute("open");
  }, [pathname]);
  const extra = props.extra ?? [];
  const links = (className: string, sections: readonly (readonly [string, string])[] = [...NAV_LINKS, ...extra]) =>
    sections.map(([href, label]) => (
      <li key={href}>
        <Link
          href={href}
          aria-current={isCurrent(pathname, href) ? "page" : undefined}
          className={cn(className, "text-muted-foreground hover:text-foreground aria-[current=page]:text-foreground aria-[current=page]:underline aria-[current=page]:decoration-2 aria-[current=page]:underline-offset-8")}
        >
          {label}
        </Link>
      </li>
    ));
  return (
    <div className="flex flex-1 items-center justify-between gap-3">
      <nav aria-label="Main" className="flex items-center gap-x-5">
        <Link href="/" className="font-serif text-xl font-bold tracking-tight">
          Factdesk
        </Link>
        <ul className="hidden items-center gap-x-5 whitespace-nowrap md:flex">
          {links("text-sm font-medium", NAV_LINKS)}
          {extra.length ? (
            <li className="relative">
              {/* The admin-only sections in one disclosure, so the row fits beside the account. */}
              <details ref={admin} className="group">
                <summary
                  className={cn(
                    "cursor-pointer list-none text-sm font-medium text-muted-foreground hover:text-foreground [&::-webkit-details-marker]:hidden",
                    extra.some(([href]) => isCurrent(pathname, href)) && "text-foreground underline decoration-2 underline-offset-8",
                  )}
                >
                  Admin <span aria-hidden="true">▾</span>
                </summary>
                <ul className="absolute left-0 top-full z-20 mt-3 min-w-44 rounded-md border border-border bg-card p-2 shadow-md">
                  {links("block rounded px-2 py-1.5 text-sm font-medium", extra)}
                </ul>
              </details>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="flex items-center gap-3 text-sm">
        {/* Mounted once, on every width: it holds the shortcuts' key listener. */}
        {props.shortcuts}
        <div className="hidden items-center gap-3 whitespace-nowrap md:flex">{props.account}</div>
      <button
        type="button"
        className="inline-flex min-h-10 items-center gap-2 rounded-md border border-border px-3 text-sm font-medium md:hidden"
        aria-expanded={open}
        aria-controls="mobile-menu"
        onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        Menu
      </button>
      </div>
      {open ? (
        <div id="mobile-menu" className="absolute inset-x-0 top-full z-20 border-b border-border bg-card px-4 pb-4 shadow-md md:hidden">
          <nav aria-label="Sections">
            <ul className="flex flex-col py-2">{links("block py-2.5 text-base font-medium")}</ul>
          </nav>
          <div className="flex flex-wrap items-center gap-3 border-t border-border pt-3 text-sm">{props.account}</div>
        </div>
      ) : null}
    </div>
  );
}
