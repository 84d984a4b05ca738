import { Link } from "@/components/ui/link";
import { signOutAction } from "@/app/(app)/actions";
import { KeyboardShortcuts } from "@/components/keyboard-shortcuts";
import { Button } from "@/components/ui/button";
import { can, ROLE_LABELS, type Role } from "@/lib/permissions";
import { MainNav } from "./main-nav";

/** The header of every signed-in page, the 404 page included. */
export function AppHeader(props: { user: { name: string; role: Role } }) {
  return (
    <header className="relative border-b border-border bg-card">
      <div className="mx-auto flex max-w-6xl items-center px-4 py-3">
        <MainNav
          extra={[
            ...(can(props.user.role, "actors:merge") ? ([["/actors", "Actors"]] as const) : []),
            ...(can(props.user.role, "api-tokens:manage") ? ([["/admin/api-tokens", "API tokens"]] as const) : []),
            ...(can(props.user.role, "users:manage") ? ([["/admin/users", "Accounts"]] as const) : []),
            ...(can(props.user.role, "audit:read") ? ([["/admin/security", "Sign-in record"]] as const) : []),
          ]}
          shortcuts={<KeyboardShortcuts />}
          account={
            <>
              <Link href="/account" className="hover:underline">
                <span className="font-medium">{props.user.name}</span> <span className="text-muted-foreground">({ROLE_LABELS[props.user.role]})</span>
              </Link>
              <form action={signOutAction}>
                <Button type="submit" variant="secondary">
                  Sign out
                </Button>
              </form>
            </>
          }
        />
      </div>
    </header>
  );
}
