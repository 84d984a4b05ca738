"use client";
import "./globals.css";
import { ServerErrorView } from "@/components/error-view";

/** When even the root layout fails: the same page as error.tsx, with its own html and body. */
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <main id="main">
          <ServerErrorView {...props} title="Factdesk could not load" />
        </main>
      </body>
    </html>
  );
}
