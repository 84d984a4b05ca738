// Talking to the production build the way a browser does, without one: sign in through Auth.js's
// own endpoints, call server actions by id (the `Next-Action` header, arguments encoded and the
// answer decoded by the React Flight client Next ships), and count rows from outside.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import pg from "pg";

const require = createRequire(import.meta.url);
const flight = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply(value: unknown[]): Promise<string | FormData>;
  createFromNodeStream(stream: Readable, manifest: unknown): Promise<{ a: Promise<unknown> }>;
};

// An action's answer may carry the revalidated page after its result, with references to client
// components: this client only reads the result, so those modules load as nothing.
Object.assign(globalThis, { __next_chunk_load__: () => Promise.resolve(), __next_require__: () => ({}) });

export const baseUrl = process.env.E2E_BASE_URL ?? "http://localhost:3100";

export function databaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the proofs through `npm test`, which passes the e2e database's address.");
  return url;
}

/** A server action of the build: its id, where it is defined, and the pages that bundle it. */
export interface BuiltAction {
  id: string;
  file: string;
  name: string;
  pages: string[];
}

/** Every server action of the production build, from its server-reference manifest. */
export function builtActions(root = process.cwd()): BuiltAction[] {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => ({
    id,
    file: a.filename ?? "?",
    name: a.exportedName ?? "?",
    pages: Object.keys(a.workers).filter((w) => w.endsWith("/page")),
  }));
}

/** "app/(app)/claims/[id]/page" → "/claims/<id>": a page to post the action to, its segments filled in. */
export function pageUrl(worker: string, params: Record<string, string>): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => {
      const m = /^\[(.+)\]$/.exec(s);
      if (!m) return s;
      const value = params[`${worker}:${m[1]}`] ?? params[m[1]!];
      if (!value) throw new Error(`No value for [${m[1]}] in ${worker}`);
      return value;
    });
  return `/${segments.join("/")}`;
}

/** Values for the dynamic segments of the pages actions are posted to: seeded rows, per page where they differ. */
export async function pageParams(counter: RowCounter): Promise<Record<string, string>> {
  const { seedId } = await import("../../seeds/load");
  const [sheet] = await counter.query<{ fact_sheet_id: string }>("SELECT fact_sheet_id FROM fact_sheet_snapshots WHERE number = 1 ORDER BY published_at LIMIT 1");
  const [conflict] = await counter.query<{ id: string }>("SELECT id FROM conflicts ORDER BY created_at LIMIT 1");
  return {
    id: seedId("claim", "ru-deaths-range"),
    token: "x".repeat(43),
    "app/(app)/sources/[id]/page:id": seedId("source", "un-es11-1-vote"),
    "app/(app)/sources/[id]/edit/page:id": seedId("source", "un-es11-1-vote"),
    "app/(app)/metrics/[id]/edit/page:id": seedId("metric", "ru-deaths"),
    "app/(app)/events/[id]/edit/page:id": seedId("event", "nk-recognises"),
    "app/(app)/fact-sheets/[id]/page:id": sheet!.fact_sheet_id,
    "app/(app)/fact-sheets/[id]/edit/page:id": sheet!.fact_sheet_id,
    "app/(app)/fact-sheets/[id]/publish/page:id": sheet!.fact_sheet_id,
    "app/(app)/fact-sheets/[id]/v/[n]/page:id": sheet!.fact_sheet_id,
    "app/(app)/fact-sheets/[id]/v/[n]/page:n": "1",
    "app/(app)/conflicts/[id]/page:id": conflict!.id,
  };
}

/** The page to post an action to: one without segments to fill when there is one, else the first. */
export const actionPage = (action: BuiltAction, params: Record<string, string>) => pageUrl(action.pages.find((p) => !p.includes("[")) ?? action.pages[0]!, params);

export interface ActionAnswer {
  status: number;
  /** Where a redirect sends the caller (the proxy's sign-in page for a signed-out caller). */
  location: string | null;
  /** What the action returned, decoded; undefined when it did not run. */
  result: unknown;
  setCookies: string[];
}

/** A browser-less client holding the cookies of one session (or none). */
export class HttpSession {
  private cookies = new Map<string, string>();
  constructor(readonly label: string) {}

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1);
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1]!) < Date.now()));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(new URL(pathname, baseUrl), { ...init, headers, redirect: "manual" });
    this.keep(res);
    return res;
  }

  /** Signs in through Auth.js's credentials endpoint, as the login form's action does. */
  async signIn(email: string, password: string): Promise<void> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password }),
    });
    if (![...this.cookies.keys()].some((k) => k.endsWith("authjs.session-token"))) {
      throw new Error(`${email} could not sign in (HTTP ${res.status}, ${res.headers.get("location")})`);
    }
  }

  /** Calls a server action as the app's own client does: POST to a page that bundles it, `Next-Action: <id>`. */
  async action(id: string, page: string, args: unknown[]): Promise<ActionAnswer> {
    const body = await flight.encodeReply(args);
    const res = await this.fetch(page, {
      method: "POST",
      headers: {
        "next-action": id,
        accept: "text/x-component",
        origin: new URL(baseUrl).origin,
        ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      },
      body,
    });
    const setCookies = res.headers.getSetCookie();
    const location = res.headers.get("location") ?? res.headers.get("x-action-redirect");
    const type = res.headers.get("content-type") ?? "";
    if (!type.startsWith("text/x-component")) {
      await res.arrayBuffer();
      return { status: res.status, location, result: undefined, setCookies };
    }
    const text = Buffer.from(await res.arrayBuffer());
    const root = await flight.createFromNodeStream(Readable.from([text]), { moduleMap: null, serverModuleMap: null, moduleLoading: null });
    let result: unknown;
    try {
      result = await root.a;
    } catch (e) {
      result = { thrown: String(e) };
    }
    return { status: res.status, location, result, setCookies };
  }
}

/** Row counts of every table (and the audit log's newest entry), read as the owner: a refusal must leave all of it as it was. */
export class RowCounter {
  private client: pg.Client;
  private sql = "";
  constructor(url = databaseUrl()) {
    this.client = new pg.Client({ connectionString: url });
  }

  async open(except: readonly string[] = []) {
    await this.client.connect();
    const { rows } = await this.client.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    const tables = rows.map((r) => r.name).filter((n) => !except.includes(n));
    this.sql = `SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t})::int AS "${t.replaceAll('"', "")}"`).join(", ")},
      (SELECT max(created_at)::text FROM audit_log) AS "audit newest"`;
    return tables.length;
  }

  async snapshot(): Promise<Record<string, unknown>> {
    return (await this.client.query(this.sql)).rows[0];
  }

  query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
    return this.client.query<R>(sql, params).then((r) => r.rows);
  }

  close() {
    return this.client.end();
  }
}
