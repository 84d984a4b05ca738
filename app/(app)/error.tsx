"use client";
import { ErrorView, HomeLinks } from "@/components/error-view";
import { Button } from "@/components/ui/button";

/** A page of the app failed: said inside the app, with the navigation still there. */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorView
      code="500"
      title="Something went wrong on our side"
      actions={
        <>
          <Button type="button" onClick={reset}>
            Try again
          </Button>
          <HomeLinks />
        </>
      }
    >
      <p>
        Nothing you saved before this was lost. Try again; if it keeps happening, tell the desk’s admin
        {error.digest ? (
          <>
            {" "}and quote the code <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
    </ErrorView>
  );
}
