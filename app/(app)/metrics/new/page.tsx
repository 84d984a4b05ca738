import type { Metadata } from "next";
import { MetricForm } from "@/components/metrics/metric-form";
import { can } from "@/lib/permissions";
import { requireUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "New metric" };

export default async function NewMetricPage() {
  const user = await requireUser();
  if (!can(user.role, "metrics:write")) {
    return <p className="text-muted-foreground">Reviewers read metrics; editors create them.</p>;
  }
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold tracking-tight">New metric</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          A metric is what a figure measures, with its scope. Claims that share one can be compared, so name the scope precisely.
        </p>
      </div>
      <MetricForm mode="create" />
    </div>
  );
}
