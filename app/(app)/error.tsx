"use client";
import { ServerErrorView } from "@/components/error-view";

/** A page of the app failed: said inside the app, with the navigation still there. */
export default function AppError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ServerErrorView {...props} />;
}
