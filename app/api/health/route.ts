import { checkDatabase } from "@/lib/server/health";

export const dynamic = "force-dynamic";

/** Public, for monitors: 200 when the database answers, 503 when it does not. */
export async function GET() {
  const dbStatus = await checkDatabase();
  return Response.json(
    { status: dbStatus === "ok" ? "ok" : "degraded", db: dbStatus },
    { status: dbStatus === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
