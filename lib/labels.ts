// Human labels for the enums the UI shows.
export const STATUS_LABELS = {
  UNVERIFIED: "Unverified",
  IN_REVIEW: "In review",
  VERIFIED: "Verified",
  DISPUTED: "Disputed",
  FALSE: "False",
  RETRACTED: "Retracted",
} as const;
export type ClaimStatus = keyof typeof STATUS_LABELS;

export const KIND_LABELS = {
  QUANTITY: "Quantity",
  DATE: "Date",
  EVENT: "Event",
  ATTRIBUTED_STATEMENT: "Attributed statement",
} as const;
export type ClaimKind = keyof typeof KIND_LABELS;

export const STANCE_LABELS = { SUPPORTS: "Supports", CONTRADICTS: "Contradicts", MENTIONS: "Mentions" } as const;

export const SOURCE_KIND_LABELS = {
  NEWS_ARTICLE: "News article",
  STATE_MEDIA_BROADCAST: "State media broadcast",
  OFFICIAL_STATEMENT: "Official statement",
  INTERVIEW: "Interview",
  DATASET: "Dataset",
  SOCIAL_POST: "Social post",
  OTHER: "Other",
} as const;

export const ACTOR_KIND_LABELS = {
  PERSON: "Person",
  OUTLET: "Outlet",
  BROADCASTER: "Broadcaster",
  GOVERNMENT: "Government",
  ORGANIZATION: "Organisation",
  UNKNOWN: "Unknown",
} as const;

export const PRECISION_LABELS = { DAY: "Day", MONTH: "Month", YEAR: "Year" } as const;

export const CONFLICT_KIND_LABELS = {
  VALUE: "Figures disagree",
  RATE_TOTAL: "Rate against total",
  DATE: "Dates disagree",
  STATEMENT_DATE: "When was it said?",
  MANUAL: "Flagged by hand",
} as const;

/** How bad a conflict is: what it asks of the verifier. */
export const CONFLICT_SEVERITY_LABELS = { CONTRADICTION: "Contradiction", TENSION: "Tension", QUESTION: "Question" } as const;
export const CONFLICT_SEVERITY_HINTS = {
  CONTRADICTION: "cannot both hold: blocks verification until decided",
  TENSION: "can both hold, uneasily: the verifier acknowledges it in writing",
  QUESTION: "an open question: the verifier acknowledges it in writing",
} as const;

export const CONFLICT_STATUS_LABELS = { OPEN: "Open", RESOLVED: "Resolved", DISMISSED: "Dismissed" } as const;

export const CONFLICT_ACTION_LABELS = {
  PREFER: "Preferred one claim",
  DIFFERENT_SCOPES: "Different scopes",
  DISMISS: "Dismissed",
  REOPEN: "Reopened",
  SETTLE: "Settled",
  CLEAR: "Cleared",
} as const;

export const RANK_LABELS = { PREFERRED: "Preferred", NORMAL: "Normal", DEPRECATED: "Deprecated" } as const;
