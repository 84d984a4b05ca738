// The value as an editor reads it lives with the other value formatters; re-exported for the UI.
export { claimValueText } from "@/lib/values";
