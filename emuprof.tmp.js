const https = require("https");
const inspector = require("inspector");
const { startEmulator } = require("./dist/emulator/index");
const { EmulatorCredential } = require("./dist/provider/azure/emulatorCredential");
const m = require("./dist/provider/azure/galleryApi");
const post = (s, me, p) => new Promise((res, rej) => s.post(me, p, (e, r) => (e ? rej(e) : res(r))));
const SEED = "/work/main/bench/seed.json";
(async () => {
  require("fs").rmSync("/tmp/emuprof", { recursive: true, force: true });
  const e = await startEmulator({ port: 0, stateDir: "/tmp/emuprof", seedFile: SEED, retryAfterSeconds: 1, replicationSpeedGBps: 1000, versionDeleteMs: 20 });
  const agent = new https.Agent({ ca: e.certificatePem, keepAlive: true });
  const cred = new EmulatorCredential({ authorityHost: e.endpoint, tenantId: e.tenantId, clientId: e.clientId, clientSecret: e.clientSecret, agent });
  const api = m.armGalleryApi({ credential: cred, subscriptionId: e.subscriptionId, endpoint: e.endpoint, policies: [{ name: "t", sendRequest: (r, n) => { r.agent = agent; return n(r); } }] });
  const src = JSON.parse(require("fs").readFileSync(SEED, "utf8")).sources[0].id;
  const g = { resourceGroupName: "rg-bench", galleryName: "g" };
  await api.putGallery(g, { location: "westeurope" });
  const im = { ...g, galleryImageName: "i" };
  await api.putImage(im, { location: "westeurope", osType: "Linux", osState: "Generalized", hyperVGeneration: "V2", identifier: { publisher: "p", offer: "o", sku: "s" } });
  const body = () => ({ location: "westeurope", tags: { revision: "1" }, storageProfile: { source: { id: src } }, publishingProfile: { targetRegions: [{ name: "westeurope", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" }, { name: "eastus", regionalReplicaCount: 1, storageAccountType: "Standard_LRS" }] } });
  for (let i = 0; i < 20; i++) { const v = { ...im, galleryImageVersionName: `0.0.${i}` }; await api.getVersion(v, { replicationStatus: true }); await api.putVersion(v, body()); }
  const s = new inspector.Session(); s.connect();
  await post(s, "Profiler.enable"); await post(s, "Profiler.setSamplingInterval", { interval: 200 }); await post(s, "Profiler.start");
  const fs2 = require("fs"); const threads = () => Object.fromEntries(fs2.readdirSync("/proc/self/task").map((t) => { const st = fs2.readFileSync(`/proc/self/task/${t}/stat`, "utf8"); const name = st.slice(st.indexOf("(") + 1, st.lastIndexOf(")")); const f = st.slice(st.lastIndexOf(")") + 2).split(" "); return [t + ":" + name, (Number(f[11]) + Number(f[12])) * 10]; })); const th0 = threads(); const cpu0 = process.cpuUsage(); const t0 = performance.now();
  const N = 200;
  for (let i = 0; i < N; i++) { const v = { ...im, galleryImageVersionName: `1.0.${i}` }; await api.getVersion(v, { replicationStatus: true }); await api.putVersion(v, body()); }
  const cpu = process.cpuUsage(cpu0); const wall = performance.now() - t0;
  const th1 = threads(); console.log(Object.entries(th1).map(([k, v]) => `${k} ${((v - (th0[k] || 0)) / N).toFixed(2)}`).join(" | ")); const { profile } = await post(s, "Profiler.stop");
  console.log(`per create: wall ${(wall / N).toFixed(2)} ms, process cpu ${((cpu.user + cpu.system) / 1000 / N).toFixed(2)} ms (sys ${(cpu.system / 1000 / N).toFixed(2)})`);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const counts = new Map(); profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (profile.timeDeltas[i] || 0)));
  const self = new Map(), incl = new Map();
  const key = (n) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`;
  let total = 0, idle = 0;
  for (const [id, us] of counts) { const n = byId.get(id); total += us; if (n.callFrame.functionName === "(idle)") { idle += us; continue; } self.set(key(n), (self.get(key(n)) || 0) + us); const seen = new Set(); let cur = id; while (cur) { const k = key(byId.get(cur)); if (!seen.has(k)) { incl.set(k, (incl.get(k) || 0) + us); seen.add(k); } cur = parent.get(cur); } }
  console.log(`thread busy ${((total - idle) / 1000 / N).toFixed(2)} ms per create`);
  console.log("SELF"); [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log((v / 1000 / N).toFixed(3), k));
  console.log("INCL emulator"); [...incl].filter(([k]) => /emulator\//.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40).forEach(([k, v]) => console.log((v / 1000 / N).toFixed(3), k));
  await e.stop();
  process.exit(0);
})();
