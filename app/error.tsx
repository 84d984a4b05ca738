"use client";
import { ServerErrorView } from "@/components/error-view";

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main">
      <ServerErrorView {...props} />
    </main>
  );
}
