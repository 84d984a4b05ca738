import { PageSkeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return <PageSkeleton kind="detail" label="Loading the claim…" />;
}
