import Link from "next/link";
import type { ReactNode } from "react";
import { KeyboardShortcuts } from "@/components/keyboard-shortcuts";
import { Button } from "@/components/ui/button";
import { Toaster } from "@/components/ui/toast";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-card focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-border bg-card">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <nav aria-label="Main" className="flex flex-wrap items-center gap-x-5 gap-y-2">
            <Link href="/" className="font-serif text-xl font-bold tracking-tight">
              Factdesk
            </Link>
            {(
              [
                ["/", "Dashboard"],
                ["/claims", "Claims"],
                ["/sources", "Sources"],
                ["/metrics", "Metrics"],
                ["/events", "Events"],
                ["/conflicts", "Conflicts"],
                ...(can(user.role, "users:manage") ? ([["/admin/users", "Accounts"]] as const) : []),
              ] as const
            ).map(([href, label]) => (
              <Link key={href} href={href} className="text-sm font-medium text-muted-foreground hover:text-foreground">
                {label}
              </Link>
            ))}
          </nav>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <KeyboardShortcuts />
            <Link href="/account" className="hover:underline">
              <span className="font-medium">{user.name}</span>{" "}
              <span className="text-muted-foreground">({ROLE_LABELS[user.role]})</span>
            </Link>
            <form action={signOutAction}>
              <Button type="submit" variant="secondary">
                Sign out
              </Button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        {children}
      </main>
      <Toaster />
    </div>
  );
}
