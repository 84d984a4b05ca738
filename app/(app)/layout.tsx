import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { DateOrderProvider } from "@/components/ui/date-order";
import { Toaster } from "@/components/ui/toast";
import { readDateOrder } from "@/lib/date-input";
import { requireUser } from "@/lib/server/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-card focus:px-3 focus:py-2">
        Skip to content
      </a>
      <AppHeader user={user} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:py-8">
        <DateOrderProvider order={readDateOrder(process.env.NEWSROOM_DATE_ORDER)}>{children}</DateOrderProvider>
      </main>
      <Toaster />
    </div>
  );
}
