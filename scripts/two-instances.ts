// npm run test:instances: the app is stateless. Two production servers on one PostgreSQL (a
// scratch database of their own), behind the loopback load balancer, and checks that
//   - a session made through one instance is honoured by the other and through the balancer,
//   - a stale edit is refused whichever instance the two editors reach,
//   - sign-in throttling counts failures on both instances together (PostgreSQL-backed limits),
//   - a page kept by one instance's page cache is not served once a write on the other changed it,
//     nor an API answer it keeps,
//   - the balancer spreads requests over both.
// Exits 1 when a check fails.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { withScratchDatabase } from "./lib/bench";
import { SIGN_IN_LIMITS, tryAgainMessage } from "../lib/sessions";
import { signIn, trySignIn } from "./lib/http-session";
import { startSite } from "./lib/load-balancer";
import { ensureBuild } from "./lib/next-app";

const basePort = Number(process.env.INSTANCES_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 6);
const log = (m: string) => console.log(`[instances] ${m}`);
let failed = false;

await withScratchDatabase("factdesk_instances", async (db, url) => {
  const env = { ...process.env, DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("base64url"), AUTH_TRUST_HOST: "true" };
  await ensureBuild(env, log);
  const site = startSite({ instances: 2, port: basePort, env });
  const a = site.servers[0]!;
  const b = site.servers[1]!;
  const lb = site.balancer!;
  try {
    await site.ready();
    const check = async (name: string, fn: () => Promise<void>) => {
      try {
        await fn();
        log(`ok   ${name}`);
      } catch (e) {
        failed = true;
        log(`FAIL ${name}: ${(e as Error).message}`);
      }
    };

    const editor = await signIn(a.url, "editor@factdesk.test", "editor-demo-password");
    await check("a session made on instance A is honoured by instance B and through the balancer", async () => {
      for (const base of [a.url, b.url, lb.url, lb.url]) {
        const res = await fetch(`${base}/api/claims?limit=1`, { headers: { cookie: editor } });
        assert.equal(res.status, 200, `${base} answered ${res.status}`);
      }
      const page = await fetch(`${b.url}/claims`, { headers: { cookie: editor }, redirect: "manual" });
      assert.equal(page.status, 200, `the claims page on B answered ${page.status}`);
    });
    await check("signing in through the balancer works on both instances", async () => {
      const reviewer = await signIn(lb.url, "reviewer@factdesk.test", "reviewer-demo-password");
      for (const base of [a.url, b.url]) assert.equal((await fetch(`${base}/api/claims?limit=1`, { headers: { cookie: reviewer } })).status, 200);
    });
    await check("a stale edit is refused whichever instance the second editor reaches", async () => {
      const claim = await db.claim.findFirstOrThrow({ where: { status: "UNVERIFIED" }, select: { id: true, version: true } });
      const author = await db.user.findUniqueOrThrow({ where: { email: "editor@factdesk.test" } });
      const source = await db.source.create({ data: { title: "Two instances wire", kind: "NEWS_ARTICLE", createdById: author.id } });
      const cite = (base: string, note: string) =>
        fetch(`${base}/api/citations`, {
          method: "POST",
          headers: { cookie: editor, "content-type": "application/json" },
          body: JSON.stringify({ claimId: claim.id, claimVersion: claim.version, sourceId: source.id, quote: "as reported", stance: "SUPPORTS", chain: [{ actorName: "Wire", actorKind: "OUTLET" }], note }),
        });
      const first = await cite(a.url, "first, on A");
      assert.equal(first.status, 201, `the first edit on A answered ${first.status}: ${await first.text()}`);
      const second = await cite(b.url, "second, on B, from the same version");
      const body = (await second.json()) as { stale?: boolean; message?: string };
      assert.equal(second.status, 409, `the stale edit on B answered ${second.status}`);
      assert.equal(body.stale, true);
      assert.equal(await db.citation.count({ where: { claimId: claim.id, note: { startsWith: "second" } } }), 0, "the stale edit was saved");
    });
    await check("failed sign-ins on both instances count together: the next one on either is throttled", async () => {
      const email = "throttled-across-instances@factdesk.test";
      const limit = SIGN_IN_LIMITS.account.points;
      for (let i = 0; i < limit; i++) {
        const base = i % 2 ? b.url : a.url;
        const failure = await trySignIn(base, email, `wrong password ${i}`);
        assert.equal(failure.session, null);
        assert.equal(failure.code, "credentials", `failure ${i + 1} of ${limit} on ${base} was answered ${failure.code}`);
      }
      // Instance A saw 3 of the 5 failures and B 2: neither alone reached the limit, together they did.
      for (const base of [a.url, b.url]) {
        const refused = await trySignIn(base, email, "wrong again");
        const seconds = Number(/^throttled:(\d+)$/.exec(refused.code ?? "")?.[1]);
        assert.ok(seconds > 0, `the sign-in after ${limit} failures on ${base} was answered ${refused.code}, not throttled`);
        log(`     ${base}: ${tryAgainMessage(seconds)}`);
      }
      // The limit is the account's: another account signs in from the same address meanwhile.
      const right = await trySignIn(lb.url, "reviewer@factdesk.test", "reviewer-demo-password");
      assert.ok(right.session, "another account is not throttled by this one's failures");
    });
    await check("a page instance A keeps is rendered again once a write through instance B changed it", async () => {
      const claim = await db.claim.findFirstOrThrow({ select: { id: true } });
      const page = async (base: string) => {
        const res = await fetch(`${base}/claims/${claim.id}`, { headers: { cookie: editor, accept: "text/html" } });
        assert.equal(res.status, 200, `the claim page on ${base} answered ${res.status}`);
        return { cache: res.headers.get("x-factdesk-cache"), html: await res.text() };
      };
      await page(a.url); // the first view is rendered; the second is rendered and kept
      await page(a.url);
      assert.equal((await page(a.url)).cache, "hit", "instance A did not keep the claim page");
      const words = `Seen across instances ${Date.now()}`;
      const comment = await fetch(`${b.url}/api/comments`, { method: "POST", headers: { cookie: editor, "content-type": "application/json" }, body: JSON.stringify({ claimId: claim.id, body: words }) });
      assert.equal(comment.status, 201, `the comment on B answered ${comment.status}: ${await comment.text()}`);
      const after = await page(a.url);
      assert.equal(after.cache, "miss", "instance A served its kept page after B's write");
      assert.ok(after.html.includes(words), "instance A's page lacks the comment written through B");
    });
    await check("an API answer instance A keeps is made again once a claim saved through instance B changed it", async () => {
      const newest = async (base: string) => {
        const res = await fetch(`${base}/api/claims?limit=1`, { headers: { cookie: editor } });
        assert.equal(res.status, 200, `GET /api/claims on ${base} answered ${res.status}`);
        return { cache: res.headers.get("x-factdesk-cache"), ids: ((await res.json()) as { items: { id: string }[] }).items.map((c) => c.id) };
      };
      await newest(a.url); // the first ask is made plainly; the second is made and kept
      await newest(a.url);
      assert.equal((await newest(a.url)).cache, "hit", "instance A did not keep the answer");
      const saved = await fetch(`${b.url}/api/claims`, {
        method: "POST",
        headers: { cookie: editor, "content-type": "application/json" },
        body: JSON.stringify({ statement: `Seen across instances ${Date.now()}: 12 convoys crossed.`, kind: "QUANTITY", valueBest: "12", unit: "convoys", asOf: "2023-03-01", asOfPrecision: "DAY" }),
      });
      assert.equal(saved.status, 201, `the save on B answered ${saved.status}: ${await saved.clone().text()}`);
      const { value } = (await saved.json()) as { value: { id: string } };
      const after = await newest(a.url);
      assert.equal(after.cache, "miss", "instance A gave its kept answer after B's save");
      assert.deepEqual(after.ids, [value.id], "instance A's answer lacks the claim saved through B");
    });
    // fetch adds Cache-Control: no-cache to a request with If-None-Match; it is answered as any poll is.
    await check("an API answer's ETag from instance A gets 304 from instance B while the answer stands", async () => {
      const held = (await fetch(`${a.url}/api/claims?limit=1`, { headers: { cookie: editor } })).headers.get("etag");
      assert.ok(held, "instance A's answer has no ETag");
      const polled = await fetch(`${b.url}/api/claims?limit=1`, { headers: { cookie: editor, "if-none-match": held } });
      assert.equal(polled.status, 304, `instance B answered ${polled.status} to the ETag A gave`);
    });
    await check("the balancer spreads requests over both instances", async () => {
      const seen = new Set<string>();
      for (let i = 0; i < 6; i++) seen.add((await fetch(`${lb.url}/api/health`)).headers.get("x-factdesk-backend") ?? "");
      assert.deepEqual([...seen].sort(), [a.url, b.url].sort());
    });
  } finally {
    await site.stop();
  }
  log(failed ? "FAILED" : "All checks passed.");
  if (failed) process.exitCode = 1;
});
