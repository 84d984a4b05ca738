import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold tracking-tight">Dashboard</h1>
      <p className="text-muted-foreground">
        Welcome, {user.name}. <Link href="/claims" className="underline">All claims</Link>
      </p>
    </div>
  );
}
