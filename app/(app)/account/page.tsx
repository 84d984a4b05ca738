import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/accounts/change-password-form";
import { Card } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  return (
    <div className="max-w-xl space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold tracking-tight">Your account</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {user.name}, {user.email}, {ROLE_LABELS[user.role]}.
        </p>
      </div>
      <Card>
        <h2 className="mb-4 text-lg font-semibold">Change your password</h2>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
