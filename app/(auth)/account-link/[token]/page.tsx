import type { Metadata } from "next";
import { AccountLinkForm } from "@/components/accounts/account-link-form";
import { Card } from "@/components/ui/card";
import { findAccountLink } from "@/lib/server/accounts";

export const metadata: Metadata = { title: "Your account", referrer: "no-referrer" };

const TITLES = { INVITE: "Join Factdesk", SETUP: "Create the first admin", PASSWORD_RESET: "Choose a new password" } as const;

export default async function AccountLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = /^[\w-]{43}$/.test(token) ? await findAccountLink(token) : { invalid: "This link is not valid. Ask an admin for a new one." };
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <p className="text-center font-serif text-3xl font-bold tracking-tight">Factdesk</p>
        <Card>
          {"invalid" in link ? (
            <>
              <h1 className="mb-2 text-xl font-semibold">This link does not work</h1>
              <p className="text-sm text-muted-foreground">{link.invalid}</p>
            </>
          ) : (
            <>
              <h1 className="mb-1 text-xl font-semibold">{TITLES[link.kind]}</h1>
              {link.email ? <p className="mb-4 break-all text-sm text-muted-foreground">for {link.email}</p> : null}
              <AccountLinkForm token={token} creates={link.kind !== "PASSWORD_RESET"} asksEmail={!link.email} />
            </>
          )}
        </Card>
      </div>
    </main>
  );
}
