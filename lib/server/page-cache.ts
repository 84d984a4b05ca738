import "server-only";
// Rendered pages, kept while the database stands as they saw it. Reading pages costs the server far
// more than the database work behind them (README, Performance), and most views repeat a page that
// nothing has changed since: the same editor back on the claims list, a sheet opened again. The
// API's reading routes (GET /api/claims, /api/v1) keep their JSON answers here too, by the same
// rules, tagged for polling (keptAnswer, at the end).
//
// A page is served from here only when all of these hold (`proxy.ts` asks, after the session cookie):
// - it is a GET of a reading page (lib/page-cache.ts), asking for HTML (a page load, not the
//   router's payload for a click), without `Cache-Control: no-cache` (a hard reload renders the
//   page again and keeps that, or renders it plainly while a render of it to keep is under way);
// - the session is live, read from the database now, as every page does (lib/server/sessions.ts);
//   a public sheet's page (/p/…) is everyone's, and needs no session;
// - the data version (migration data_version: a token every writing transaction renews in its
//   commit) is the one it was rendered under, and the same user asked for the same address; and it
//   is under a minute old (pages show the week and deadlines). A public sheet's page is keyed on
//   the published version instead (migration published_version: renewed only by writes to public
//   links, published versions, their files and PDF jobs), so the newsroom's daily writes leave it kept.
// Otherwise the page is rendered as usual; from its second view under one data version, through
// this process's own port, and kept as it streams to the browser. Each process keeps its own
// pages, but the version lives in the database, so two instances never serve a page another's
// write made stale.
//
// The Content-Security-Policy nonce is new on every response: a kept page is stored split at the
// nonce it was rendered with and joined with the new one. From its first answer to a browser taking
// gzip (all do), its pieces are kept compressed too, and later answers cost no compression
// (lib/page-cache.ts, lib/encoded-answers.ts).
import http from "node:http";
import type { Readable } from "node:stream";
import { LRUCache } from "lru-cache";
import type { NextRequest } from "next/server";
import { PRIVATE_REVALIDATE, entityTag, heldAlready, notModified } from "@/lib/conditional-requests";
import { ENCODED_HEADER, encodedAnswersInstalled } from "@/lib/encoded-answers";
import { acceptsGzip, deflatePieces, gzipWithNonce, keptPage, nonceOf, splitAtNonce, withNonce } from "@/lib/page-cache";
import { db } from "./db";
import { activeSession } from "./sessions";

/** Says how a reading page was answered: `hit` (from memory) or `miss` (rendered; kept from its second view). Absent: not a page the cache answers. */
export const PAGE_CACHE_HEADER = "x-factdesk-cache";
/** Marks this process's own render of a page, so the proxy passes it on instead of looking here again. */
const RENDER_HEADER = "x-factdesk-render";

/** The request headers a page's answer depends on besides the address and user. */
const KEYED_HEADERS = ["host", "x-forwarded-proto", "x-forwarded-host"];
/** Headers about one connection or one body's framing, never passed between the browser's and the render's requests. */
const HOP_HEADERS = ["connection", "keep-alive", "transfer-encoding", "content-length"];
/** Response headers not kept: those, and what is set again for each answer. */
const UNKEPT_HEADERS = new Set([...HOP_HEADERS, "content-encoding", "date", PAGE_CACHE_HEADER]);

const PAGE_TTL_MS = 60_000;
const MAX_PAGE_BYTES = 4 * 1024 * 1024;
/** How long a render may send nothing before it is given up. */
const RENDER_IDLE_MS = 30_000;

/** `deflated`: each of `parts` compressed alone (deflatePieces), from its first answer taking gzip. */
type Kept = { status: number; headers: [string, string][]; parts: Buffer[]; deflated?: Buffer[] };
const pageSize = (k: Kept) => [...k.parts, ...(k.deflated ?? [])].reduce((n, p) => n + p.length, 0) + 1024;

// Named anew when the state's shape changes: `next dev` keeps globalThis across reloads of this module.
const KEY = Symbol.for("factdesk.pageCache.byKind");
/**
 * Which token a kept answer is keyed on: `data` (data_version) changes with every write to what any
 * page shows; `published` (published_version) only with writes to what a public link's page shows.
 */
type VersionKind = "data" | "published";
const VERSION_KINDS: readonly VersionKind[] = ["data", "published"];

/** For each kind, `versions`: its versions seen lately; `live`: the last two of them to be seen first, newest first (noteVersion). */
type State = {
  pages: LRUCache<string, Kept>;
  asked: LRUCache<string, true>;
  rendering: Map<string, Promise<Kept | undefined>>;
  renderKey: string;
  versions: Record<VersionKind, LRUCache<string, true>>;
  live: Record<VersionKind, string[]>;
};
function state(): State {
  const g = globalThis as { [KEY]?: State };
  g[KEY] ??= {
    pages: new LRUCache<string, Kept>({
      maxSize: Number(process.env.PAGE_CACHE_MB ?? 32) * 1024 * 1024,
      sizeCalculation: pageSize,
      ttl: PAGE_TTL_MS,
    }),
    asked: new LRUCache<string, true>({ max: 20_000, ttl: PAGE_TTL_MS }),
    rendering: new Map(),
    renderKey: crypto.randomUUID(),
    // One list a kind: a hundred writes must not push out a public page's long-lived version.
    versions: { data: new LRUCache<string, true>({ max: 100 }), published: new LRUCache<string, true>({ max: 100 }) },
    live: { data: [], published: [] },
  };
  return g[KEY];
}

/** How many pages this process keeps, and their bytes with compressed copies (tests, diagnostics). */
export function keptPages(): { pages: number; bytes: number } {
  const { pages } = state();
  return { pages: pages.size, bytes: pages.calculatedSize };
}

/**
 * A version seen for the first time drops the kept pages and first views of every version of its
 * kind but it and the one seen first before it: a token never comes back, so they would only take
 * room until they aged out; a new data version leaves public pages, kept on the published version,
 * alone. Under a stream of writes the cache had filled to its bound with pages no one could be
 * given (the benchmark's memory peak rose 358 → 432 MB once those pages were kept). The one
 * before is spared because first sight is not commit order: two reads on either side of a commit
 * can finish in either order, and the older version, seen second, must not drop the newer's pages.
 * A page of a version no longer live is not kept (isLive); a request that read one renders it.
 */
function noteVersion(kind: VersionKind, version: string) {
  const s = state();
  if (s.versions[kind].has(version)) return;
  s.versions[kind].set(version, true);
  s.live[kind] = [version, ...s.live[kind]].slice(0, 2);
  for (const cache of [s.pages, s.asked]) {
    cache.purgeStale(); // keys() leaves out entries past their minute, which would then stay till pushed out
    for (const key of [...cache.keys()]) if (!isLive(key, s.live)) cache.delete(key);
  }
}

/** What a kept answer is found by: the version (data or published), whose it is (user and role, or "public"), the address and the headers it depends on. */
function keyOf(request: Request, version: string, reader: { id: string; role: string } | null): string {
  const url = new URL(request.url);
  return [version, reader ? `${reader.id} ${reader.role}` : "public", `${url.pathname}${url.search}`, ...KEYED_HEADERS.map((h) => request.headers.get(h) ?? "")].join("\n");
}

/** Whether a key's version is one noteVersion keeps pages of. Tokens are random: a key's version is of one kind ("none" aside, before either's first write). */
const isLive = (key: string, live = state().live) => VERSION_KINDS.some((kind) => live[kind].some((version) => key.startsWith(`${version}\n`)));

/** Whether the page cache may answer this request at all (before any database read), and whose page it is. */
export function pageCacheable(request: NextRequest): "signed in" | "public" | null {
  if (request.method !== "GET" || process.env.PAGE_CACHE === "off") return null;
  if (request.headers.get(RENDER_HEADER) === state().renderKey) return null;
  return keptPage(request.nextUrl.pathname, request.headers.get("accept"));
}

/** A hard reload (`Cache-Control: no-cache`): render the page again, and keep that (one keeping render of a page at a time). */
const refreshing = (request: Request) => /no-cache/i.test(`${request.headers.get("cache-control") ?? ""} ${request.headers.get("pragma") ?? ""}`);

/**
 * The version of a kind as it stands ("none" before the first write since its migration made it).
 * Raw, not `findUnique`: Prisma batches the findUniques of one tick into one `findMany` with `in`,
 * which a boolean key refuses, so public views arriving together all failed the read (until 5 Dec).
 */
async function versionNow(kind: VersionKind): Promise<string> {
  const [row] =
    kind === "data"
      ? await db.$queryRaw<{ token: string }[]>`/* prepared: data_version */ SELECT token::text AS token FROM data_version`
      : await db.$queryRaw<{ token: string }[]>`/* prepared: published_version */ SELECT token::text AS token FROM published_version`;
  return row?.token ?? "none";
}

/** This process's own address: `next start` puts its port in PORT; HOST when it listens on one address only. */
function ownAddress() {
  const host = process.env.HOST && !["0.0.0.0", "::"].includes(process.env.HOST) ? process.env.HOST : "localhost";
  return { host, port: Number(process.env.PORT) };
}

/** Renders the page through this server, as the browser asked for it (same headers, uncompressed). */
function render(request: NextRequest): Promise<http.IncomingMessage> {
  const { host, port } = ownAddress();
  if (!port) return Promise.reject(new Error("PORT is not set"));
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (name !== "accept-encoding" && !HOP_HEADERS.includes(name)) headers[name] = value;
  });
  headers[RENDER_HEADER] = state().renderKey;
  return new Promise((resolve, reject) => {
    const r = http.request({ host, port, method: "GET", path: `${request.nextUrl.pathname}${request.nextUrl.search}`, headers, agent: keepAlive }, resolve);
    // A render that stops sending breaks off (passOn, keep), rather than keeping its waiters forever.
    r.setTimeout(RENDER_IDLE_MS, () => r.destroy(new Error(`The page's render sent nothing for ${RENDER_IDLE_MS / 1000} s.`)));
    r.on("error", reject);
    r.end();
  });
}
const keepAlive = new http.Agent({ keepAlive: true });

/** Whether an answer may be kept: a 200 of the `type` asked for, setting no cookie, not encoded yet. */
const keepable = (status: number | undefined, type: RegExp, header: (name: string) => string | string[] | null | undefined) =>
  status === 200 && type.test(String(header("content-type") ?? "")) && !header("set-cookie") && !header("content-encoding");

/**
 * Reads the render to its end as it streams on to the browser; what it yields is kept only if it is
 * a whole, plain page. A render that breaks off yields nothing (never a promise left waiting).
 */
export function keep(answer: http.IncomingMessage): Promise<Kept | undefined> {
  const storable = keepable(answer.statusCode, /^text\/html/, (name) => answer.headers[name]);
  const chunks: Buffer[] = [];
  let size = 0;
  return new Promise((resolve) => {
    answer.on("data", (c: Buffer) => {
      size += c.length;
      if (storable && size <= MAX_PAGE_BYTES) chunks.push(c);
    });
    answer.on("error", () => resolve(undefined));
    answer.on("close", () => resolve(undefined)); // after "end" this changes nothing
    answer.on("end", () => {
      if (!storable || size > MAX_PAGE_BYTES) return resolve(undefined);
      const headers = Object.entries(answer.headers).flatMap(([n, v]) => (UNKEPT_HEADERS.has(n) || v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x) => [n, x] as [string, string])));
      resolve({ status: 200, headers, parts: splitAtNonce(Buffer.concat(chunks), nonceOf(headers.find(([n]) => n === "content-security-policy")?.[1] ?? null)) });
    });
  });
}

/**
 * The answer for a reading page from the page cache; "first view" when the page is to be rendered
 * as usual because this version of it has not been asked for before; or undefined to let the
 * request go on as usual for any other reason (no live session, the database unreachable, or the
 * page could not be rendered here). A kept page is sent with this request's `nonce` and its
 * security headers (`security`, which carry that nonce).
 *
 * A page is kept from its second view under one data version: keeping it costs a second pass
 * through the proxy and a loopback request (about a third more CPU than the render), which a page
 * viewed once before the next write would never pay back.
 */
export async function cachedPage(
  request: NextRequest,
  reader: { sub?: string; sid?: unknown } | "public",
  { nonce, security }: { nonce: string; security: Record<string, string> },
): Promise<Response | "first view" | undefined> {
  let key: string;
  let version: string;
  try {
    // A signed-in reader's session and the data version come in one statement; a public page's published version alone.
    if (reader === "public") {
      version = await versionNow("published");
      key = keyOf(request, version, null);
    } else {
      const { user, dataVersion } = await activeSession(reader.sid, reader.sub);
      if (!user) return undefined;
      version = dataVersion;
      key = keyOf(request, version, user);
    }
  } catch {
    return undefined;
  }
  noteVersion(reader === "public" ? "published" : "data", version);
  const { pages, rendering, asked } = state();
  if (!refreshing(request)) {
    const under = rendering.get(key);
    const kept = pages.get(key) ?? (under && (await under));
    if (kept) return answerFrom(kept, compressedFor(request, key, kept), { nonce, security });
    // A render waited on broke off: render as usual (each waiter starting a render of its own would cascade).
    if (under) return undefined;
    if (!asked.has(key)) {
      if (isLive(key)) asked.set(key, true);
      return "first view";
    }
  } else if (rendering.has(key)) {
    // A hard reload while this page is being rendered to keep: rendered again, plainly; the render
    // under way is the one kept. Until 5 Dec each began a keeping render of its own, which holds the page
    // several times over (the loopback answer, its chunks, the copy kept): twenty at once of the
    // 514 KB timeline took the server to 406 MB against 335 rendered plainly.
    return "first view";
  }
  asked.delete(key);

  // The render is known to be under way before anything is awaited: a request meanwhile waits for
  // it. (Until 5 Dec it was noted only once its headers came back, near the end of the render, and
  // under 20 connections every request of a new version rendered the page itself.)
  const rendered = render(request);
  const stored = rendered.then(keep, () => undefined).then((k) => {
    if (k && isLive(key)) pages.set(key, k); // waiters get it either way
    if (rendering.get(key) === stored) rendering.delete(key);
    return k;
  });
  rendering.set(key, stored);
  let answer: http.IncomingMessage;
  try {
    answer = await rendered;
  } catch {
    return undefined;
  }
  const toBrowser = passOn(answer);
  const headers = new Headers();
  for (const [n, v] of Object.entries(answer.headers)) {
    if (v === undefined || HOP_HEADERS.includes(n)) continue;
    for (const x of Array.isArray(v) ? v : [v]) headers.append(n, x);
  }
  headers.set(PAGE_CACHE_HEADER, "miss");
  return new Response(toBrowser, { status: answer.statusCode ?? 200, headers });
}

/**
 * The render as it streams, for the browser. A browser that leaves early stops getting it, but the
 * render still runs to its end and is kept (keep): the requests waiting on it get it, and nothing is
 * left paused. (Node's Readable.toWeb threw "Controller is already closed" out of the process when
 * a browser left mid-page, and its backpressure paused the render with nobody reading.)
 */
export function passOn(answer: Readable): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const finish = (end: () => void) => {
        if (!open) return;
        open = false;
        end();
      };
      answer.on("data", (c: Buffer) => {
        if (open) controller.enqueue(c);
      });
      answer.on("end", () => finish(() => controller.close()));
      answer.on("error", (e) => finish(() => controller.error(e)));
      answer.on("close", () => finish(() => controller.error(new Error("The page's render broke off."))));
    },
    cancel() {
      open = false;
    },
  });
}

/**
 * The kept page's compressed pieces if this request takes gzip (undefined if not). They are
 * compressed at its first such answer (about what Next.js's own compression of that answer would
 * cost) and kept: a page kept but never asked for again, as under a stream of writes, costs none.
 */
function compressedFor(request: Request, key: string, kept: Kept): Buffer[] | undefined {
  if (!acceptsGzip(request.headers.get("accept-encoding")) || !encodedAnswersInstalled()) return undefined;
  if (kept.deflated) return kept.deflated;
  const { pages } = state();
  if (pages.peek(key) !== kept) return undefined; // no longer kept: nothing to keep them with
  // On the event loop, as a render is: a few ms for the largest pages, once a version, after a render of 25–120 ms.
  const deflated = deflatePieces(kept.parts);
  // Counted in the cache's size from now, at the age it had; a page that would then no longer fit is sent plain.
  if (pageSize({ ...kept, deflated }) > pages.maxSize) return undefined;
  kept.deflated = deflated;
  pages.set(key, kept, { noUpdateTTL: true });
  return deflated;
}

/** A kept page with this request's nonce, gzip-encoded from `deflated` (compressedFor) when given; `how` it was answered (a kept answer's maker is told "miss"). */
function answerFrom(kept: Kept, deflated: Buffer[] | undefined, { nonce = "", security = {}, how = "hit" }: { nonce?: string; security?: Record<string, string>; how?: "hit" | "miss" | null }): Response {
  const page = deflated ? gzipWithNonce(kept.parts, deflated, nonce) : withNonce(kept.parts, nonce);
  // One chunk, in a stream: every chunk of an answer is a turn through web streams, and given as a
  // body, undici would copy the page again.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(page);
      controller.close();
    },
  });
  const headers = new Headers(kept.headers);
  for (const [n, v] of Object.entries(security)) headers.set(n, v);
  if (how) headers.set(PAGE_CACHE_HEADER, how);
  // No Content-Length: Next.js drops it from a proxy's answer and sends it chunked.
  if (deflated) headers.set(ENCODED_HEADER, "gzip");
  return new Response(body, { status: kept.status, headers });
}

/**
 * The JSON answer of a reading API route (GET /api/claims, /api/v1's), kept as a page is: for
 * this reader (user and role) and address, under the data version read with the reader's session
 * (`version`; read here when null), for up to a minute. Integrations poll the same lists, and most
 * polls find nothing changed: a kept answer costs the session's read and no query, no JSON and no
 * compression.
 *
 * As a page is, an answer is kept from its second ask under one version: a client walking a list
 * by its cursor asks for each of its pages once, and kept, they would push everyone's pages out of
 * the cache. Requests arriving together for one answer wait for one making of it to keep.
 * `Cache-Control: no-cache` without If-None-Match makes it again and keeps that (or, while a making
 * of it to keep is under way, makes it plainly). Only a 200 JSON answer is kept; any other is passed
 * on, and a request that waited on it makes its own.
 *
 * A 200 JSON answer, kept or not, carries an entity tag of its body (ETag) and `Cache-Control:
 * private, no-cache`: a poller that sends the tag back in If-None-Match gets 304 Not Modified and no
 * body while its answer stands as it was, even after writes elsewhere. So does a HEAD, and every
 * answer with the cache off (the API's promise): made each time, never kept, and saying nothing of
 * the cache.
 */
export async function keptAnswer(request: Request, reader: { id: string; role: string }, version: string | null, make: () => Promise<Response>): Promise<Response> {
  /** Made now and not kept; `how`: "miss", or null when the cache is not asked at all. */
  const plainly = async (how: "miss" | null = "miss") => {
    const answer = await make();
    const made = await asKept(answer);
    if (made) return reply(request, null, made, how);
    return how ? missed(answer) : answer;
  };
  if (request.method !== "GET" || process.env.PAGE_CACHE === "off") return plainly(null);
  const read = version ?? (await versionNow("data"));
  noteVersion("data", read);
  const key = keyOf(request, read, reader);
  const { pages, rendering, asked } = state();
  const under = rendering.get(key);
  // fetch adds `no-cache` to every request with If-None-Match (lib/conditional-requests.ts): a poller
  // asking whether its answer still stands is answered from the kept one, as current as a new one.
  if (!refreshing(request) || request.headers.has("if-none-match")) {
    const kept = pages.get(key) ?? (under && (await under));
    if (kept) return reply(request, key, kept, "hit");
    if (under) return plainly(); // the making waited on was not kept
    if (!asked.has(key)) {
      if (isLive(key)) asked.set(key, true);
      return plainly();
    }
  } else if (under) {
    return plainly();
  }
  asked.delete(key);

  let settle!: (kept: Kept | undefined) => void;
  const stored = new Promise<Kept | undefined>((resolve) => (settle = resolve));
  rendering.set(key, stored);
  try {
    const answer = await make();
    const kept = await asKept(answer);
    if (!kept) return missed(answer);
    settle(kept);
    if (isLive(key) && kept.parts[0]!.length <= MAX_PAGE_BYTES) pages.set(key, kept);
    return reply(request, key, kept, "miss");
  } finally {
    settle(undefined); // a waiter makes its own answer; after the answer was settled, this changes nothing
    if (rendering.get(key) === stored) rendering.delete(key);
  }
}

/** A made API answer as it is kept: a 200 JSON answer's body, with its entity tag; undefined for any other answer (passed on as it is). */
async function asKept(answer: Response): Promise<Kept | undefined> {
  if (!keepable(answer.status, /^application\/json/, (name) => answer.headers.get(name))) return undefined;
  const body = Buffer.from(await answer.arrayBuffer());
  const headers = [...answer.headers].filter(([n]) => !UNKEPT_HEADERS.has(n) && n !== "etag" && n !== "cache-control");
  return { status: 200, headers: [...headers, ["etag", entityTag(body)], ["cache-control", PRIVATE_REVALIDATE]], parts: [body] };
}

/**
 * A kept API answer (`how` it was answered, null for a HEAD or with the cache off; `key` when it is
 * kept, for its compressed copy), or 304 Not Modified with no body when the client holds it already.
 */
function reply(request: Request, key: string | null, kept: Kept, how: "hit" | "miss" | null): Response {
  const etag = kept.headers.find(([n]) => n === "etag")![1];
  if (heldAlready(request.headers.get("if-none-match"), etag)) {
    const unchanged = notModified({ ETag: etag, "Cache-Control": PRIVATE_REVALIDATE });
    if (how) unchanged.headers.set(PAGE_CACHE_HEADER, how);
    return unchanged;
  }
  return answerFrom(kept, key === null ? undefined : compressedFor(request, key, kept), { how });
}

/** A made answer, said not to come from memory (as a page's first view is). */
function missed(answer: Response): Response {
  try {
    answer.headers.set(PAGE_CACHE_HEADER, "miss");
  } catch {
    // A redirect's headers cannot be set; it goes as it is.
  }
  return answer;
}
