const https = require("https"), fs = require("fs");
const cert = fs.readFileSync("/tmp/constprobe/state/tls-cert.pem", "utf8"), key = fs.readFileSync("/tmp/constprobe/state/tls-key.pem", "utf8");
const body = JSON.stringify({ id: "/subscriptions/x".repeat(5), properties: { a: "b".repeat(1500) } });
const handler = (req, res) => { req.resume(); req.on("end", () => { res.writeHead(200, { "content-type": "application/json" }); res.end(body); }); };
async function run(agent, opts, n) {
  const get = () => new Promise((resolve, reject) => { const r = https.request({ ...opts, agent, method: "PUT", path: "/x", headers: { "content-type": "application/json", authorization: "Bearer " + "t".repeat(900) } }, (res) => { res.resume(); res.on("end", resolve); }); r.on("error", reject); r.end(JSON.stringify({ location: "westeurope", p: "q".repeat(600) })); });
  for (let i = 0; i < 100; i++) await get();
  const c0 = process.cpuUsage(), t0 = performance.now();
  for (let i = 0; i < n; i++) await get();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / n, cpu: (c.user + c.system) / 1000 / n, sys: c.system / 1000 / n };
}
(async () => {
  const tcp = https.createServer({ cert, key }, handler); await new Promise((r) => tcp.listen(0, "127.0.0.1", r));
  const sock = "/tmp/uds-probe.sock"; fs.rmSync(sock, { force: true });
  const uds = https.createServer({ cert, key }, handler); await new Promise((r) => uds.listen(sock, r));
  const tcpAgent = new https.Agent({ keepAlive: true, ca: cert, maxSockets: 1 });
  const udsAgent = new https.Agent({ keepAlive: true, ca: cert, maxSockets: 1 });
  for (let round = 0; round < 3; round++) {
    const a = await run(tcpAgent, { host: "127.0.0.1", port: tcp.address().port, servername: "localhost" }, 2000);
    const b = await run(udsAgent, { socketPath: sock, servername: "localhost" }, 2000);
    console.log(`tcp: wall ${a.wall.toFixed(3)} cpu ${a.cpu.toFixed(3)} (sys ${a.sys.toFixed(3)}) | unix: wall ${b.wall.toFixed(3)} cpu ${b.cpu.toFixed(3)} (sys ${b.sys.toFixed(3)}) ms/request`);
  }
  process.exit(0);
})();
