// Runs an example from the project it was installed into, as `pulumi up` would run its compiled
// main module, through the project's own @pulumi/pulumi Automation API (the Node.js language host
// cannot be built here): an inline program that loads bin/index.js afresh for each operation and
// returns its exports as the stack's outputs. PLAN is a JSON list of steps: {"up": true},
// {"config": {key: value}}, {"destroy": true}; RESULT_FILE receives each step's summary, outputs and
// how the state then stores the dynamic resources' providers.
const fs = require("fs");
const path = require("path");
const { LocalWorkspace } = require("@pulumi/pulumi/automation");

const main = path.join(process.cwd(), "bin", "index.js");
const program = async () => {
  delete require.cache[require.resolve(main)];
  return require(main);
};

(async () => {
  const results = [];
  const save = (extra = {}) =>
    fs.writeFileSync(process.env.RESULT_FILE, JSON.stringify({ results, ...extra }));
  try {
    const settings = fs.readFileSync(path.join(process.cwd(), "Pulumi.yaml"), "utf8");
    const projectName = /^name:\s*(\S+)/m.exec(settings)[1];
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "example", projectName, program },
      {
        workDir: process.cwd(),
        envVars: {
          PULUMI_BACKEND_URL: process.env.BACKEND_URL,
          PULUMI_CONFIG_PASSPHRASE: "",
          PULUMI_SKIP_UPDATE_CHECK: "true",
        },
      },
    );
    for (const step of JSON.parse(process.env.PLAN)) {
      if (step.config) {
        for (const [key, value] of Object.entries(step.config)) await stack.setConfig(key, { value });
        continue;
      }
      const outcome = step.up ? await stack.up() : await stack.destroy();
      const resources = (await stack.exportStack()).deployment.resources ?? [];
      results.push({
        op: step.up ? "up" : "destroy",
        summary: { result: outcome.summary.result, resourceChanges: outcome.summary.resourceChanges },
        outputs: Object.fromEntries(Object.entries(outcome.outputs ?? {}).map(([k, v]) => [k, v.value])),
        // How the state stores each dynamic resource's provider: the module it requires, or "code".
        providers: [
          ...new Set(
            resources
              .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))
              .map(
                (r) =>
                  (/require\("([^"]+)"\)/.exec(String(r.inputs && r.inputs.__provider)) || [, "code"])[1],
              ),
          ),
        ].sort(),
      });
      save();
    }
    save();
  } catch (error) {
    save({ error: error && error.stack ? error.stack : String(error) });
    process.exitCode = 1;
  }
})();
