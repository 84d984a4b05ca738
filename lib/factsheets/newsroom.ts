// The newsroom named as the author of published fact sheets (and of their ClaimReview).
// Configured by NEWSROOM_NAME and NEWSROOM_URL; frozen into each version when it is published.
export function newsroom(env: Record<string, string | undefined> = process.env): { name: string; url: string | null } {
  return { name: env.NEWSROOM_NAME?.trim() || "Factdesk newsroom", url: env.NEWSROOM_URL?.trim() || null };
}
