// The conflict-detection verbs now live in lib/server/conflicts/ (detect on save, store and reconcile,
// full re-scan); this path stays for the scripts that import it.
export { detectConflicts } from "./conflicts/detect-on-save";
export { scanAllConflicts, type ScanReport } from "./conflicts/full-rescan";
