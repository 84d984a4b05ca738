import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await currentUser()) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="font-serif text-3xl font-bold tracking-tight">Factdesk</p>
          <p className="mt-1 text-sm text-muted-foreground">Every claim, its sources and who said it.</p>
        </div>
        <Card>
          <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
          <LoginForm returnTo={callbackUrl} />
        </Card>
      </div>
    </main>
  );
}
