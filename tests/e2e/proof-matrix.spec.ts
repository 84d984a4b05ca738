// The authorization matrix, proven from outside: every server action of the production build and
// every route handler under app/, called over real HTTP as admin, editor, reviewer and signed out.
// Who may is generated from the role table (lib/permissions.ts) and the one permission each
// action or route needs (the tables below). A new action or route without a row here fails the
// test; an allowed cell must succeed; a refused cell must be refused by role (naming the
// permission it lacks) or by sign-in, and leave every table's row count and the audit log as they
// were.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { can, ROLES, type Permission, type Role } from "../../lib/permissions";
import { seedId } from "../../seeds/load";
import { accounts } from "./helpers";
import { actionPage, builtActions, HttpSession, pageParams, RowCounter, type ActionAnswer } from "./proof-http";

type Principal = Role | "SIGNED_OUT";
const PRINCIPALS: Principal[] = [...ROLES, "SIGNED_OUT"];

/** Who may call: a permission of the role table, any signed-in user, anyone, or (/api/v1) a bearer token only. */
type Rule = Permission | "signed-in" | "public" | "api-token";

function allowed(rule: Rule, who: Principal): boolean {
  if (rule === "public") return true;
  if (rule === "api-token") return false; // a session cookie is not a token
  if (who === "SIGNED_OUT") return false;
  return rule === "signed-in" || can(who, rule);
}

// ---------------------------------------------------------------------------------------------
// Fixtures: rows the matrix acts on are made by the test itself, through the actions, so an
// allowed call succeeds without touching the seed the other browser tests read.
const run = Math.random().toString(36).slice(2, 8);
let n = 0;
const uniq = (what: string) => `Matrix ${what} ${run}-${++n}`;
const PASSAGE_TEXT = "Matrix passage one: the figure was 42 in 2024.\nMatrix passage two: the figure was 43 in 2025.";

interface Ctx {
  /** Calls an action by name as admin or editor, for setting up; throws unless it succeeds. */
  setup(name: string, args: unknown[], as?: Principal): Promise<Record<string, unknown>>;
  one<R>(sql: string, params?: unknown[]): Promise<R>;
  shared: Record<string, string>;
  ids: Record<"EDITOR", string>;
}

const version = (ctx: Ctx, table: string, id: string) => ctx.one<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]).then((r) => r.version);
const newClaim = async (ctx: Ctx, extra: Record<string, unknown> = {}) =>
  (await ctx.setup("createClaimAction", [{ statement: `${uniq("claim")}: an event happened.`, kind: "EVENT", ...extra }], "EDITOR")).id as string;
const newSheet = async (ctx: Ctx) => (await ctx.setup("createSheetAction", [{ title: uniq("sheet") }], "EDITOR")).id as string;
const chain = [{ actorName: "Matrix Wire Service", actorKind: "OUTLET" }];
const citation = async (ctx: Ctx, claimId: string, quote = "the figure was 42") => ({
  claimId,
  claimVersion: await version(ctx, "claims", claimId),
  sourceId: ctx.shared.textSource!,
  quote,
  stance: "SUPPORTS",
  chain,
});
const newCitation = async (ctx: Ctx) => {
  const claimId = await newClaim(ctx);
  const made = await ctx.setup("createCitationAction", [await citation(ctx, claimId)], "EDITOR");
  return { id: made.id as string, claimId };
};
const published = async (ctx: Ctx) => {
  if (ctx.shared.publishedSheet) return ctx.shared.publishedSheet;
  const sheetId = await newSheet(ctx);
  const verified = await ctx.one<{ id: string }>(
    `SELECT c.id FROM claims c WHERE c.status = 'VERIFIED' AND NOT EXISTS (
       SELECT 1 FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id WHERE cc.claim_id = c.id AND k.status = 'OPEN') ORDER BY c.id LIMIT 1`,
  );
  await ctx.setup("addSheetClaimsAction", [{ sheetId, version: 1, claimIds: [verified.id] }], "EDITOR");
  await ctx.setup("publishSheetAction", [{ sheetId, version: await version(ctx, "fact_sheets", sheetId), previousNumber: 0 }], "EDITOR");
  return (ctx.shared.publishedSheet = sheetId);
};

const ACCOUNT = { ADMIN: accounts.admin, EDITOR: accounts.editor, REVIEWER: accounts.reviewer } as const;
const TEMP_PASSWORD = "matrix-temporary-password";
/** An invitation's one-time token (its link's last segment). */
const inviteToken = async (ctx: Ctx) => {
  const link = await ctx.setup("inviteUserAction", [{ email: `${uniq("invitee").replace(/\W+/g, "-").toLowerCase()}@factdesk.test`, role: "REVIEWER" }], "ADMIN");
  return String(link.path).split("/").at(-1)!;
};
/** A new account of the matrix's own: invited by the admin, its link followed. */
const newUser = async (ctx: Ctx) => {
  const made = await ctx.setup("accountLinkAction", [{ token: await inviteToken(ctx), name: uniq("Invitee"), newPassword: TEMP_PASSWORD, confirmPassword: TEMP_PASSWORD }], "SIGNED_OUT");
  return (await ctx.one<{ id: string }>("SELECT id FROM users WHERE email = $1", [made.email])).id;
};

interface ActionRow {
  rule: Rule;
  /** The arguments of one call, made fresh for each (an allowed call consumes what it changes). */
  args: (ctx: Ctx, who: Principal) => Promise<unknown[]>;
  /** "ok": an allowed call must succeed. "runs": it must get past the role check (the reason given). */
  expect?: "ok" | { runs: string };
  /** Undoes what an allowed call changed that later tests rely on. */
  after?: (ctx: Ctx, who: Principal) => Promise<void>;
}

const ACTIONS: Record<string, ActionRow> = {
  "app/(auth)/login/actions.ts#login": {
    rule: "public",
    // Blank fields: refused by the schema, so no failed sign-in counts towards the address's throttle.
    args: async () => [{ email: "", password: "" }, "/"],
    expect: { runs: "anyone may try to sign in; blank fields come back as field errors" },
  },
  "app/(app)/actions.ts#signOutAction": { rule: "signed-in", args: async () => [] },
  "app/(app)/actors/actions.ts#mergeActorsAction": {
    rule: "actors:merge",
    args: async (ctx) => {
      const names = [uniq("Speaker A"), uniq("Speaker B")];
      for (const speakerName of names) await newClaim(ctx, { kind: "ATTRIBUTED_STATEMENT", speakerName });
      const [a, b] = await Promise.all(names.map((name) => ctx.one<{ id: string }>("SELECT id FROM actors WHERE name = $1", [name])));
      return [{ aliasId: a!.id, canonicalId: b!.id, reason: "Two spellings of one speaker." }];
    },
  },
  "app/(app)/admin/api-tokens/actions.ts#createApiTokenAction": { rule: "api-tokens:manage", args: async () => [{ name: uniq("token") }] },
  "app/(app)/admin/api-tokens/actions.ts#revokeApiTokenAction": {
    rule: "api-tokens:manage",
    args: async (ctx) => [{ tokenId: (await ctx.setup("createApiTokenAction", [{ name: uniq("token") }], "ADMIN")).id }],
  },
  "app/(app)/metrics/actions.ts#createMetricAction": { rule: "metrics:write", args: async () => [{ name: uniq("metric"), unit: "people" }] },
  "app/(app)/metrics/actions.ts#updateMetricAction": {
    rule: "metrics:write",
    args: async (ctx) => {
      const id = (await ctx.setup("createMetricAction", [{ name: uniq("metric"), unit: "people" }], "EDITOR")).id;
      return [{ id, version: 1, name: uniq("metric renamed"), unit: "people" }];
    },
  },
  "app/(app)/metrics/actions.ts#mergeMetricsAction": {
    rule: "metrics:write",
    args: async (ctx) => {
      const [sourceId, targetId] = [
        (await ctx.setup("createMetricAction", [{ name: uniq("metric"), unit: "people" }], "EDITOR")).id,
        (await ctx.setup("createMetricAction", [{ name: uniq("metric"), unit: "people" }], "EDITOR")).id,
      ];
      return [{ sourceId, sourceVersion: 1, targetId, targetVersion: 1, reason: "The same measure twice." }];
    },
  },
  "app/(app)/citations/actions.ts#createCitationAction": { rule: "claims:write", args: async (ctx) => [await citation(ctx, await newClaim(ctx))] },
  "app/(app)/citations/actions.ts#updateCitationAction": {
    rule: "claims:write",
    args: async (ctx) => {
      const made = await newCitation(ctx);
      return [{ ...(await citation(ctx, made.claimId, "the figure was 43")), id: made.id }];
    },
  },
  "app/(app)/citations/actions.ts#deleteCitationAction": {
    rule: "claims:write",
    args: async (ctx) => {
      const made = await newCitation(ctx);
      return [{ id: made.id, claimVersion: await version(ctx, "claims", made.claimId) }];
    },
  },
  "app/(app)/citations/actions.ts#searchActorsAction": { rule: "claims:read", args: async () => ["Matrix"] },
  "app/(app)/citations/actions.ts#searchClaimsAction": { rule: "claims:read", args: async () => ["Matrix"] },
  "app/(app)/sources/actions.ts#searchSourcesAction": { rule: "sources:read", args: async () => ["Matrix"] },
  "app/(app)/sources/actions.ts#closestPassageAction": { rule: "sources:read", args: async (ctx) => [ctx.shared.textSource, "a quote that is not in the text"] },
  "app/(app)/notes/actions.ts#createNoteAction": { rule: "notes:write", args: async (ctx) => [{ claimId: ctx.shared.claim, body: uniq("note") }] },
  "app/(app)/notes/actions.ts#deleteNoteAction": {
    rule: "notes:write", // and the row rule: its author (the editor here) or an admin
    args: async (ctx) => [{ id: (await ctx.setup("createNoteAction", [{ claimId: ctx.shared.claim, body: uniq("note") }], "EDITOR")).id, version: 1 }],
  },
  "app/(app)/events/actions.ts#createEventAction": { rule: "events:write", args: async () => [{ name: uniq("event") }] },
  "app/(app)/events/actions.ts#renameEventAction": {
    rule: "events:write",
    args: async (ctx) => [{ id: (await ctx.setup("createEventAction", [{ name: uniq("event") }], "EDITOR")).id, version: 1, name: uniq("event renamed") }],
  },
  "app/(app)/fact-sheets/actions.ts#createSheetAction": { rule: "factsheets:write", args: async () => [{ title: uniq("sheet") }] },
  "app/(app)/fact-sheets/actions.ts#updateSheetAction": {
    rule: "factsheets:write",
    args: async (ctx) => [{ id: await newSheet(ctx), version: 1, title: uniq("sheet renamed"), summary: "Renamed." }],
  },
  "app/(app)/fact-sheets/actions.ts#arrangeSheetAction": {
    rule: "factsheets:write",
    args: async (ctx) => [{ sheetId: await newSheet(ctx), version: 1, items: [] }],
  },
  "app/(app)/fact-sheets/actions.ts#addSheetClaimsAction": {
    rule: "factsheets:write",
    args: async (ctx) => [{ sheetId: await newSheet(ctx), version: 1, claimIds: [ctx.shared.claim] }],
  },
  "app/(app)/fact-sheets/actions.ts#addFilteredClaimsAction": {
    rule: "factsheets:write",
    args: async (ctx) => [{ sheetId: await newSheet(ctx), filters: { q: ctx.shared.claimStatement } }],
  },
  "app/(app)/fact-sheets/actions.ts#retryExportAction": {
    rule: "factsheets:write",
    // A version with no failed PDF job: past the role check, refused for what it asks.
    args: async () => [{ snapshotId: "00000000-0000-4000-8000-000000000000" }],
    expect: { runs: "a version with no PDF job is refused as such" },
  },
  "app/(app)/fact-sheets/actions.ts#publishSheetAction": {
    rule: "factsheets:publish",
    args: async (ctx) => {
      const sheetId = await newSheet(ctx);
      const verified = await ctx.one<{ id: string }>(
        `SELECT c.id FROM claims c WHERE c.status = 'VERIFIED' AND NOT EXISTS (
           SELECT 1 FROM conflict_claims cc JOIN conflicts k ON k.id = cc.conflict_id WHERE cc.claim_id = c.id AND k.status = 'OPEN') ORDER BY c.id LIMIT 1`,
      );
      await ctx.setup("addSheetClaimsAction", [{ sheetId, version: 1, claimIds: [verified.id] }], "EDITOR");
      return [{ sheetId, version: await version(ctx, "fact_sheets", sheetId), previousNumber: 0 }];
    },
  },
  "app/(app)/fact-sheets/actions.ts#createLinkAction": { rule: "factsheets:publish", args: async (ctx) => [{ sheetId: await published(ctx) }] },
  "app/(app)/fact-sheets/actions.ts#revokeLinkAction": {
    rule: "factsheets:publish",
    args: async (ctx) => [{ linkId: (await ctx.setup("createLinkAction", [{ sheetId: await published(ctx), number: 1 }], "EDITOR")).id }],
  },
  "app/(app)/claims/actions.ts#createClaimAction": { rule: "claims:write", args: async () => [{ statement: `${uniq("claim")}: an event happened.`, kind: "EVENT" }] },
  "app/(app)/claims/actions.ts#updateClaimAction": {
    rule: "claims:write",
    args: async (ctx) => {
      const id = await newClaim(ctx);
      return [{ id, version: await version(ctx, "claims", id), statement: `${uniq("claim edited")}: an event happened.`, kind: "EVENT" }];
    },
  },
  "app/(app)/claims/[id]/actions.ts#changeStatusAction": {
    rule: "claims:change-status",
    args: async (ctx) => {
      const claimId = await newClaim(ctx);
      return [{ claimId, version: await version(ctx, "claims", claimId), toStatus: "IN_REVIEW", reason: "Ready for a second look." }];
    },
  },
  "app/(app)/claims/[id]/actions.ts#assignClaimAction": {
    rule: "claims:assign",
    args: async (ctx) => {
      const claimId = await newClaim(ctx);
      return [{ claimId, version: await version(ctx, "claims", claimId), assigneeId: ctx.ids.EDITOR }];
    },
  },
  "app/(app)/claims/[id]/actions.ts#reviewClaimAction": {
    rule: "claims:review",
    args: async (ctx) => {
      const claimId = await newClaim(ctx);
      await ctx.setup("changeStatusAction", [{ claimId, version: await version(ctx, "claims", claimId), toStatus: "IN_REVIEW", reason: "Ready for review." }], "EDITOR");
      return [{ claimId, version: await version(ctx, "claims", claimId), decision: "SEND_BACK", note: "Cite a second, independent source." }];
    },
  },
  "app/(app)/claims/[id]/actions.ts#addCommentAction": { rule: "comments:write", args: async (ctx) => [{ claimId: ctx.shared.claim, body: uniq("comment") }] },
  "app/(app)/claims/[id]/actions.ts#resolveCommentAction": {
    rule: "comments:write",
    args: async (ctx) => {
      const made = await ctx.setup("addCommentAction", [{ claimId: ctx.shared.claim, body: uniq("comment") }], "EDITOR");
      return [ctx.shared.claim, { commentId: made.id, version: 1, resolved: true }];
    },
  },
  "app/(app)/sources/actions.ts#createSourceAction": { rule: "sources:write", args: async () => [{ title: uniq("source"), kind: "OTHER" }] },
  "app/(app)/sources/actions.ts#updateSourceAction": {
    rule: "sources:write",
    args: async (ctx) => {
      const id = (await ctx.setup("createSourceAction", [{ title: uniq("source"), kind: "OTHER" }], "EDITOR")).id;
      return [{ id, version: 1, title: uniq("source renamed"), kind: "OTHER" }];
    },
  },
  "app/(app)/sources/actions.ts#createClaimFromPassageAction": {
    rule: "claims:write",
    args: async (ctx) => [
      {
        claim: { statement: `${uniq("claim")}: the figure was 42.`, kind: "EVENT" },
        citation: { sourceId: ctx.shared.textSource, quote: "the figure was 42", stance: "SUPPORTS", chain },
      },
    ],
  },
  "app/(app)/conflicts/actions.ts#flagConflictAction": {
    rule: "conflicts:flag",
    args: async (ctx) => [{ claimIds: [await newClaim(ctx), await newClaim(ctx)], reason: "These two cannot both be true." }],
  },
  "app/(app)/conflicts/actions.ts#decideConflictAction": {
    rule: "conflicts:resolve",
    args: async (ctx) => {
      const flagged = await ctx.setup("flagConflictAction", [{ claimIds: [await newClaim(ctx), await newClaim(ctx)], reason: "These two cannot both be true." }], "EDITOR");
      return [{ conflictId: flagged.id, version: 1, action: "DISMISS", note: "They describe different things." }];
    },
  },
  "app/(app)/admin/users/actions.ts#inviteUserAction": { rule: "users:manage", args: async () => [{ email: `${uniq("invitee").replace(/\W+/g, "-").toLowerCase()}@factdesk.test`, role: "REVIEWER" }] },
  "app/(app)/admin/users/actions.ts#changeUserRoleAction": {
    rule: "users:manage",
    args: async (ctx) => {
      const userId = await newUser(ctx);
      return [{ userId, role: "EDITOR", version: await version(ctx, "users", userId) }];
    },
  },
  "app/(app)/admin/users/actions.ts#setUserDisabledAction": {
    rule: "users:manage",
    args: async (ctx) => {
      const userId = await newUser(ctx);
      return [{ userId, disabled: true, version: await version(ctx, "users", userId) }];
    },
  },
  "app/(app)/admin/users/actions.ts#passwordResetLinkAction": { rule: "users:manage", args: async (ctx) => [{ userId: await newUser(ctx) }] },
  "app/(app)/account/actions.ts#changePasswordAction": {
    rule: "signed-in",
    // Everyone changes their own password; the next call (`after`) changes it back for the tests that follow.
    args: async (_ctx, who) => {
      const current = who === "SIGNED_OUT" ? "not-signed-in-at-all" : ACCOUNT[who].password;
      return [{ currentPassword: current, newPassword: TEMP_PASSWORD, confirmPassword: TEMP_PASSWORD }];
    },
    after: async (ctx, who) => {
      if (who === "SIGNED_OUT") return;
      await ctx.setup("changePasswordAction", [{ currentPassword: TEMP_PASSWORD, newPassword: ACCOUNT[who].password, confirmPassword: ACCOUNT[who].password }], who);
    },
  },
  "app/(auth)/account-link/[token]/actions.ts#accountLinkAction": {
    rule: "public", // the one-time link is the credential
    args: async (ctx) => [{ token: await inviteToken(ctx), name: uniq("Invitee"), newPassword: TEMP_PASSWORD, confirmPassword: TEMP_PASSWORD }],
  },
  "app/(app)/conflicts/actions.ts#requestConflictScanAction": {
    rule: "conflicts:resolve",
    args: async () => [],
    expect: { runs: "the browser tests' server runs no job worker, so an allowed request is refused for that reason, after the role check" },
  },
};

// ---------------------------------------------------------------------------------------------
// Route handlers: "<METHOD> <path pattern>" → who may, and one request (fresh for each call).

interface RouteRow {
  rule: Rule;
  request: (ctx: Ctx) => Promise<{ path: string; body?: unknown }>;
  /** The status an allowed call answers with. */
  ok: number;
}

const ROUTES: Record<string, RouteRow> = {
  "GET /api/health": { rule: "public", ok: 200, request: async () => ({ path: "/api/health" }) },
  "GET /api/auth/[...nextauth]": { rule: "public", ok: 200, request: async () => ({ path: "/api/auth/providers" }) },
  "POST /api/auth/[...nextauth]": {
    rule: "public",
    ok: 302,
    // Without its CSRF token Auth.js turns the request away itself, by redirect: nobody is signed in or out.
    request: async () => ({ path: "/api/auth/callback/credentials", body: new URLSearchParams({ email: "nobody@factdesk.test", password: "x" }) }),
  },
  "GET /api/v1/openapi.json": { rule: "public", ok: 200, request: async () => ({ path: "/api/v1/openapi.json" }) },
  "GET /api/v1/claims": { rule: "api-token", ok: 200, request: async () => ({ path: "/api/v1/claims" }) },
  "GET /api/v1/fact-sheets": { rule: "api-token", ok: 200, request: async () => ({ path: "/api/v1/fact-sheets" }) },
  "GET /api/v1/fact-sheets/[id]": { rule: "api-token", ok: 200, request: async (ctx) => ({ path: `/api/v1/fact-sheets/${ctx.shared.seedSheet}` }) },
  "GET /api/v1/fact-sheets/[id]/versions/[number]": { rule: "api-token", ok: 200, request: async (ctx) => ({ path: `/api/v1/fact-sheets/${ctx.shared.seedSheet}/versions/1` }) },
  "GET /api/users": { rule: "users:manage", ok: 200, request: async () => ({ path: "/api/users" }) },
  "GET /api/metrics": { rule: "claims:read", ok: 200, request: async () => ({ path: "/api/metrics?q=deaths" }) },
  "GET /api/events": { rule: "claims:read", ok: 200, request: async () => ({ path: "/api/events?q=a" }) },
  "GET /api/conflicts": { rule: "claims:read", ok: 200, request: async () => ({ path: "/api/conflicts" }) },
  "GET /api/claims": { rule: "claims:read", ok: 200, request: async () => ({ path: "/api/claims?limit=5" }) },
  "POST /api/claims": { rule: "claims:write", ok: 201, request: async () => ({ path: "/api/claims", body: { statement: `${uniq("claim")}: an event happened.`, kind: "EVENT" } }) },
  "GET /api/claims/export": { rule: "claims:read", ok: 200, request: async () => ({ path: "/api/claims/export?format=csv&q=Matrix" }) },
  "POST /api/citations": { rule: "claims:write", ok: 201, request: async (ctx) => ({ path: "/api/citations", body: await citation(ctx, await newClaim(ctx)) }) },
  "POST /api/comments": { rule: "comments:write", ok: 201, request: async (ctx) => ({ path: "/api/comments", body: { claimId: ctx.shared.claim, body: uniq("comment") } }) },
  "GET /api/fact-sheets/[id]/versions/[number]/exports/[format]": {
    rule: "factsheets:read",
    ok: 200,
    request: async (ctx) => ({ path: `/api/fact-sheets/${ctx.shared.seedSheet}/versions/1/exports/json` }),
  },
  "GET /p/[token]/exports/[format]": {
    rule: "public",
    ok: 200,
    // A fresh link each time: the matrix's own link cells replace the live link of the same version.
    request: async (ctx) => ({ path: `/p/${(await ctx.setup("createLinkAction", [{ sheetId: await published(ctx) }])).token}/exports/md` }),
  },
};

/** Every route handler under app/ and the methods it exports, read from the source. */
function routeHandlers(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === "route.ts") {
        const source = readFileSync(p, "utf8");
        const methods = new Set<string>();
        for (const m of source.matchAll(/export\s+(?:async\s+function|const|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1]!);
        for (const m of source.matchAll(/export\s+const\s+\{([^}]*)\}/g)) for (const k of m[1]!.split(",")) if (/^\s*(GET|POST|PUT|PATCH|DELETE)\s*$/.test(k)) methods.add(k.trim());
        const pattern = `/${path.relative("app", path.dirname(p)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
        for (const method of methods) out.push(`${method} ${pattern}`);
      }
    }
  };
  walk("app");
  return out.sort();
}

/** A refusal by role names the permission it lacks (lib/server/authorize.ts). */
const roleRefusal = (result: unknown) =>
  typeof result === "object" && result !== null && (result as { ok?: boolean }).ok === false ? /Your role may not do this \(([^)]+)\)/.exec(String((result as { message?: string }).message))?.[1] : undefined;

test.describe.configure({ mode: "serial" });

test("every server action and route handler, as admin, editor, reviewer and signed out, is allowed or refused as the role table says", async () => {
  test.setTimeout(180_000);
  const started = Date.now();
  const actions = builtActions();
  const builtKeys = actions.map((a) => `${a.file}#${a.name}`).sort();
  // A new action or route without its row here fails first, naming it.
  expect(builtKeys, "server actions of the build without a row in ACTIONS (or rows for actions that are gone)").toEqual(Object.keys(ACTIONS).sort());
  expect(routeHandlers(), "route handlers without a row in ROUTES (or rows for routes that are gone)").toEqual(Object.keys(ROUTES).sort());

  const counter = new RowCounter();
  // The security record grows with every refusal by role, by design (checked below, per refusal): every other table must not.
  const tables = await counter.open(["public.security_events"]);
  const userIds = Object.fromEntries(
    (await counter.query<{ email: string; id: string }>("SELECT email, id FROM users WHERE email = ANY($1)", [Object.values(ACCOUNT).map((a) => a.email)])).map((r) => [r.email, r.id]),
  );
  const lastEvent = async () => (await counter.query<{ id: string | null }>("SELECT max(id)::text AS id FROM security_events"))[0]!.id ?? "0";
  /** The refusal went on the security record (written after the answer: wait for it). */
  const recorded = async (who: Role, permission: string, since: string) => {
    const userId = userIds[ACCOUNT[who].email];
    await expect
      .poll(async () => (await counter.query<{ n: number }>("SELECT count(*)::int AS n FROM security_events WHERE id > $1 AND kind = 'FORBIDDEN' AND user_id = $2 AND detail = $3", [since, userId, permission]))[0]!.n, { timeout: 5_000 })
      .toBeGreaterThan(0);
  };
  const sessions: Record<Principal, HttpSession> = {
    ADMIN: new HttpSession("admin"),
    EDITOR: new HttpSession("editor"),
    REVIEWER: new HttpSession("reviewer"),
    SIGNED_OUT: new HttpSession("signed out"),
  };
  await sessions.ADMIN.signIn(accounts.admin.email, accounts.admin.password);
  await sessions.EDITOR.signIn(accounts.editor.email, accounts.editor.password);
  await sessions.REVIEWER.signIn(accounts.reviewer.email, accounts.reviewer.password);

  const byKey = new Map(actions.map((a) => [`${a.file}#${a.name}`, a]));
  const params = await pageParams(counter);
  const sheetRow = await counter.query<{ fact_sheet_id: string }>("SELECT fact_sheet_id FROM fact_sheet_snapshots WHERE number = 1 ORDER BY published_at LIMIT 1");
  const pageFor = (key: string) => actionPage(byKey.get(key)!, params);
  let calls = 0;
  const call = async (who: Principal, key: string, args: unknown[]): Promise<ActionAnswer> => {
    calls++;
    return sessions[who].action(byKey.get(key)!.id, pageFor(key), args);
  };

  const ctx: Ctx = {
    shared: {},
    ids: { EDITOR: seedId("user", "editor") },
    async setup(name, args, as = "EDITOR") {
      const key = Object.keys(ACTIONS).find((k) => k.endsWith(`#${name}`))!;
      const answer = await call(as, key, args);
      const result = answer.result as { ok: boolean; value: Record<string, unknown> };
      if (!result?.ok) throw new Error(`setup ${name} failed: ${JSON.stringify(answer)}`);
      return result.value;
    },
    async one(sql, params = []) {
      const rows = await counter.query(sql, params);
      if (!rows[0]) throw new Error(`no row: ${sql}`);
      return rows[0] as never;
    },
  };
  expect((await counter.query<{ id: string }>("SELECT id FROM users WHERE email = $1", [accounts.editor.email]))[0]!.id).toBe(ctx.ids.EDITOR);
  ctx.shared.textSource = (await ctx.setup("createSourceAction", [{ title: uniq("source with text"), kind: "OTHER", fullText: PASSAGE_TEXT }])).id as string;
  ctx.shared.claimStatement = `${uniq("claim")}: the shared claim.`;
  ctx.shared.claim = (await ctx.setup("createClaimAction", [{ statement: ctx.shared.claimStatement, kind: "EVENT" }])).id as string;
  ctx.shared.seedSheet = sheetRow[0]!.fact_sheet_id;

  const cells: string[] = [];
  const problems: string[] = [];
  let refusals = 0;
  /** A refused call, with the rows counted before and after. */
  const refused = async (label: string, attempt: () => Promise<string | undefined>) => {
    const before = await counter.snapshot();
    const problem = await attempt();
    const after = await counter.snapshot();
    refusals++;
    if (problem) problems.push(`${label}: ${problem}`);
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    if (changed.length) problems.push(`${label}: refused, yet changed ${changed.map((k) => `${k} ${before[k]} → ${after[k]}`).join(", ")}`);
  };

  // Signing out ends the session the later cells need: it goes last.
  const order = Object.keys(ACTIONS).sort((a, b) => Number(a.endsWith("#signOutAction")) - Number(b.endsWith("#signOutAction")));
  for (const key of order) {
    const row = ACTIONS[key]!;
    // Refused principals first (on untouched fixtures), then the allowed ones, each on fresh arguments.
    const who = [...PRINCIPALS].sort((a, b) => Number(allowed(row.rule, a)) - Number(allowed(row.rule, b)));
    for (const principal of who) {
      const label = `${key} as ${principal}`;
      cells.push(label);
      const args = await row.args(ctx, principal);
      if (!allowed(row.rule, principal)) {
        const since = await lastEvent();
        await refused(label, async () => {
          const answer = await call(principal, key, args);
          if (principal === "SIGNED_OUT") {
            return answer.status >= 300 && answer.status < 400 && answer.location?.includes("/login") ? undefined : `expected a redirect to the sign-in page, got ${answer.status} ${JSON.stringify(answer.result)}`;
          }
          const lacks = roleRefusal(answer.result);
          if (lacks !== row.rule) return `expected a refusal naming ${row.rule}, got ${answer.status} ${JSON.stringify(answer.result)}`;
          await recorded(principal, row.rule, since);
        });
        continue;
      }
      const answer = await call(principal, key, args);
      if (key.endsWith("#signOutAction")) {
        const cleared = answer.setCookies.some((c) => /authjs\.session-token=;|authjs\.session-token=[^;]*;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i.test(c));
        if (!cleared || !answer.location?.includes("/login")) problems.push(`${label}: expected the session cookie cleared and a redirect to the sign-in page, got ${answer.status} ${answer.location}`);
        continue;
      }
      await row.after?.(ctx, principal);
      const result = answer.result as { ok?: boolean; message?: string } | unknown[] | undefined;
      if (row.expect && typeof row.expect === "object") {
        const fine = result !== undefined && !Array.isArray(result) && typeof result === "object" && roleRefusal(result) === undefined && "ok" in result;
        if (!fine) problems.push(`${label}: expected to get past the role check (${row.expect.runs}), got ${answer.status} ${JSON.stringify(result)}`);
      } else if (row.rule === "claims:read" || row.rule === "sources:read") {
        // A read answers with its data: a list (searches), or an object or null (the closest passage).
        const data = answer.status === 200 && (Array.isArray(result) || result === null || (typeof result === "object" && !("ok" in (result as object))));
        if (!data) problems.push(`${label}: expected its data, got ${answer.status} ${JSON.stringify(result)}`);
      } else if (!(result && !Array.isArray(result) && result.ok === true)) {
        problems.push(`${label}: expected success, got ${answer.status} ${JSON.stringify(result)}`);
      }
    }
  }

  // Route handlers (signed-out sessions stay signed out; the others were signed out by the last action: sign in again).
  await sessions.ADMIN.signIn(accounts.admin.email, accounts.admin.password);
  await sessions.EDITOR.signIn(accounts.editor.email, accounts.editor.password);
  await sessions.REVIEWER.signIn(accounts.reviewer.email, accounts.reviewer.password);
  const send = async (who: Principal, r: { path: string; body?: unknown }, method: string, bearer?: string) => {
    calls++;
    const form = r.body instanceof URLSearchParams;
    const res = await sessions[who].fetch(r.path, {
      method,
      headers: {
        ...(r.body === undefined ? {} : { "content-type": form ? "application/x-www-form-urlencoded" : "application/json" }),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: r.body === undefined ? undefined : form ? (r.body as URLSearchParams) : JSON.stringify(r.body),
    });
    const text = await res.text();
    return { status: res.status, text };
  };
  for (const [key, row] of Object.entries(ROUTES)) {
    const method = key.split(" ")[0]!;
    const who = [...PRINCIPALS].sort((a, b) => Number(allowed(row.rule, a)) - Number(allowed(row.rule, b)));
    for (const principal of who) {
      const label = `${key} as ${principal}`;
      cells.push(label);
      const r = await row.request(ctx);
      if (!allowed(row.rule, principal)) {
        const since = await lastEvent();
        await refused(label, async () => {
          const res = await send(principal, r, method);
          const expected = principal === "SIGNED_OUT" || row.rule === "api-token" ? 401 : 403;
          if (res.status !== expected) return `expected ${expected}, got ${res.status} ${res.text.slice(0, 200)}`;
          if (expected === 403 && !res.text.includes(`(${row.rule})`)) return `expected a refusal naming ${row.rule}: ${res.text.slice(0, 200)}`;
          if (expected === 403) await recorded(principal as Role, row.rule, since);
        });
        continue;
      }
      const res = await send(principal, r, method);
      if (res.status !== row.ok) problems.push(`${label}: expected ${row.ok}, got ${res.status} ${res.text.slice(0, 200)}`);
    }
    if (row.rule === "api-token") {
      // The same requests with a live token (a reviewer's rights) succeed.
      ctx.shared.apiToken ??= (await ctx.setup("createApiTokenAction", [{ name: uniq("token") }], "ADMIN")).token as string;
      const res = await send("SIGNED_OUT", await row.request(ctx), method, ctx.shared.apiToken);
      cells.push(`${key} with an API token`);
      if (res.status !== row.ok) problems.push(`${key} with an API token: expected ${row.ok}, got ${res.status} ${res.text.slice(0, 200)}`);
    }
  }
  await counter.close();

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `[matrix] ${Object.keys(ACTIONS).length} actions and ${Object.keys(ROUTES).length} route handlers × ${PRINCIPALS.length} principals: ${cells.length} cells, ${refusals} refusals checked against ${tables} tables' row counts and the audit log, ${calls} HTTP calls in all, ${seconds} s`,
  );
  expect(problems).toEqual([]);
});
