import { CommentForm, ResolveButton } from "@/components/claims/comment-form";
import { Card } from "@/components/ui/card";
import { Timestamp } from "@/components/ui/timestamp";
import { can } from "@/lib/permissions";
import type { ClaimDetail } from "@/lib/server/claims";
import type { SessionUser } from "@/lib/server/authorize";

/** The claim's comment threads with their replies; "Add a comment" opens the form, so an empty card is two lines. */
export function DiscussionCard({ claim, user }: { claim: ClaimDetail; user: SessionUser }) {
  const threads = claim.comments.filter((c) => !c.parentId);
  const repliesTo = (id: string) => claim.comments.filter((c) => c.parentId === id);
  return (
    <Card aria-labelledby="discussion-heading">
      <h2 id="discussion-heading" className="text-lg font-semibold">
        Discussion ({threads.length})
      </h2>
      {threads.length === 0 ? <p className="mt-1 text-sm text-muted-foreground">No comments yet. Ask a question or leave a remark for the team.</p> : null}
      <ul className={threads.length ? "mt-3 space-y-4" : "hidden"}>
        {threads.map((t) => (
          <li key={t.id} className="rounded-md border border-border p-3" aria-label={`Thread started by ${t.author.name}`}>
            <p className="text-sm text-muted-foreground">
              <span className="font-medium text-foreground">{t.author.name}</span>,{" "}
              <Timestamp at={t.createdAt} />
              {t.resolvedAt ? <span className="font-medium">&nbsp;· Resolved{t.resolvedBy ? ` by ${t.resolvedBy.name}` : ""}</span> : null}
            </p>
            <p className="mt-1 whitespace-pre-wrap text-sm">{t.body}</p>
            {repliesTo(t.id).length ? (
              <ul className="mt-3 space-y-2 border-l-2 border-border pl-3">
                {repliesTo(t.id).map((r) => (
                  <li key={r.id} className="text-sm">
                    <p className="text-muted-foreground">
                      <span className="font-medium text-foreground">{r.author.name}</span>,{" "}
                      <Timestamp at={r.createdAt} />
                    </p>
                    <p className="whitespace-pre-wrap">{r.body}</p>
                  </li>
                ))}
              </ul>
            ) : null}
            {can(user.role, "comments:write") ? (
              <div className="mt-3 space-y-2">
                <ResolveButton claimId={claim.id} commentId={t.id} version={t.version} resolved={Boolean(t.resolvedAt)} />
                {!t.resolvedAt ? (
                  <details className="group">
                    <summary className="inline-block cursor-pointer rounded-md px-2 py-1 text-sm font-medium hover:bg-muted">Reply to this thread</summary>
                    <div className="mt-2">
                      <CommentForm claimId={claim.id} parentId={t.id} formName={`Reply to ${t.author.name}`} label="Your reply" />
                    </div>
                  </details>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {can(user.role, "comments:write") ? (
        <details className={threads.length ? "mt-4" : "mt-2"}>
          <summary className="inline-block cursor-pointer rounded-md px-2 py-1 text-sm font-medium hover:bg-muted">Add a comment</summary>
          <div className="mt-2 max-w-xl">
            <CommentForm claimId={claim.id} formName="Add a comment" label="New comment" />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
