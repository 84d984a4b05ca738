// Where the time goes in a V8 CPU profile (node --cpu-prof): self time by package and by function.
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The package a script belongs to ("next", "react-dom", "app" for our own bundle, "node" for built-ins). */
function packageOf(url: string, root: string) {
  if (!url) return "(native / idle / gc)";
  if (url.startsWith("node:")) return "node";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) {
    const inner = /next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    return inner ? `next (compiled ${inner[1]})` : m[1]!;
  }
  if (url.includes("/.next/")) return "app bundle (.next)";
  return url.replace(`file://${root}`, "").replace(root, "");
}

/** `lastSeconds`: only the samples of the profile's last seconds (the measured run, not start-up's module loading). */
export function summariseProfile(profile: Profile, root: string, { top = 15, lastSeconds }: { top?: number; lastSeconds?: number } = {}): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const from = lastSeconds === undefined ? -Infinity : profile.endTime - lastSeconds * 1e6;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at >= from) self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id)!;
    const pkg = packageOf(node.callFrame.url, root);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const fn = `${node.callFrame.functionName || "(anonymous)"} ${pkg}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `  ${pct(us)}  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join("\n");
  return `CPU profile: ${(total / 1e6).toFixed(1)} s sampled\nSelf time by package:\n${list(byPackage)}\nSelf time by function:\n${list(byFunction)}`;
}
