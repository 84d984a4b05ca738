"use client";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Dialog, DialogContent, DialogHeader, DialogTrigger } from "@/components/ui/dialog";

/** The rows j/k move through (the claims list marks them) and the search field "/" focuses. */
const ROW = "[data-shortcut-row]";
const SEARCH = "[data-shortcut-search]";

export const SHORTCUTS: [keys: string[], what: string][] = [
  [["/"], "Search claims (from any page)"],
  [["j"], "Next claim in the list"],
  [["k"], "Previous claim in the list"],
  [["Enter"], "Open the selected claim"],
  [["Esc"], "Clear and leave the search, or close this dialog"],
  [["?"], "Show these shortcuts"],
];

/** Typing in a field, or using the browser's own combinations, is never a shortcut. */
function isTyping(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function focusSearch() {
  const field = document.querySelector<HTMLInputElement>(SEARCH);
  if (!field) return false;
  field.focus();
  field.select();
  return true;
}

/** Esc in the search clears the search itself (the list shows everything again), not only the box. */
function leaveSearch(field: HTMLInputElement) {
  const searching = new URLSearchParams(window.location.search).has(field.name);
  if (field.value !== "" || searching) {
    field.value = "";
    if (searching) field.form?.requestSubmit();
  }
  field.blur();
}

/**
 * The app's keyboard shortcuts, mounted once in the (app) layout: "/" search, j/k move a visible
 * selection through the claims list, Enter opens it, "?" lists them all in a dialog.
 */
export function KeyboardShortcuts() {
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const selected = useRef(-1);
  const searchWanted = useRef(false);

  // A new page has a new list: the selection starts again, and a "/" pressed elsewhere lands here.
  useEffect(() => {
    selected.current = -1;
    if (!searchWanted.current) return;
    let tries = 0;
    const timer = setInterval(() => {
      if (focusSearch() || ++tries > 50) {
        searchWanted.current = false;
        clearInterval(timer);
      }
    }, 60);
    return () => clearInterval(timer);
  }, [pathname]);

  useEffect(() => {
    const rows = () => [...document.querySelectorAll<HTMLElement>(ROW)];
    const select = (index: number) => {
      const all = rows();
      if (!all.length) return;
      const next = Math.max(0, Math.min(all.length - 1, index));
      for (const row of all) row.removeAttribute("data-selected");
      const row = all[next]!;
      row.setAttribute("data-selected", "true");
      // Focus the row's link: screen readers announce it, and Enter opens it like any link.
      row.querySelector<HTMLElement>("a[href]")?.focus();
      row.scrollIntoView({ block: "nearest" });
      selected.current = next;
    };

    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) {
        if (event.key === "Escape" && (event.target as HTMLElement).matches(SEARCH)) leaveSearch(event.target as HTMLInputElement);
        return;
      }
      if (document.querySelector("[role=dialog]")) return;
      if (event.key === "?") {
        event.preventDefault();
        setOpen(true);
      } else if (event.key === "/") {
        event.preventDefault();
        if (!focusSearch()) {
          searchWanted.current = true;
          router.push("/claims");
        }
      } else if (event.key === "j" || event.key === "k") {
        if (!rows().length) return;
        event.preventDefault();
        const current = rows().findIndex((r) => r.hasAttribute("data-selected"));
        select(current === -1 ? 0 : current + (event.key === "j" ? 1 : -1));
      } else if (event.key === "Enter") {
        const row = rows().find((r) => r.hasAttribute("data-selected"));
        const link = row?.querySelector<HTMLAnchorElement>("a[href]");
        // Only when nothing has focus: a focused link or button answers Enter itself.
        if (link && (!document.activeElement || document.activeElement === document.body)) {
          event.preventDefault();
          router.push(link.getAttribute("href")!);
        }
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [router]);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className="inline-flex min-h-10 items-center gap-1 rounded-md px-2 text-sm text-muted-foreground hover:bg-muted hover:text-foreground">
        <kbd className="rounded border border-border bg-muted px-1.5 font-mono text-xs">?</kbd>
        <span className="sr-only sm:not-sr-only">Shortcuts</span>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader title="Keyboard shortcuts" description="They work anywhere except while you type in a field." />
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Keyboard shortcuts</caption>
          <thead>
            <tr className="text-xs uppercase tracking-wide text-muted-foreground">
              <th scope="col" className="pb-2 pr-4 font-semibold">
                Key
              </th>
              <th scope="col" className="pb-2 font-semibold">
                What it does
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={what}>
                <td className="py-2 pr-4">
                  {keys.map((k) => (
                    <kbd key={k} className="rounded border border-border bg-muted px-2 py-0.5 font-mono text-xs">
                      {k}
                    </kbd>
                  ))}
                </td>
                <td className="py-2">{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DialogContent>
    </Dialog>
  );
}
