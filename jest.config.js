// Suites of different costs, cheapest first: unit (pure, seconds), emulator (real Azure SDK against an
// in-process emulator), contract (the same facts through the provider and the emulator), clients (the
// Azure CLI and Python SDK from PyPI against an emulator), e2e (the real Pulumi CLI), consumer (the
// packed package npm-installed into projects outside the repository, on each supported Node.js and
// @pulumi/pulumi).
const tsJest = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };
// Another @pulumi/pulumi than the project's for the unit suite, with that copy's own dependencies
// (scripts/ensure-pulumi-sdk.sh installs it): scripts/test.sh runs the suite on the lowest the peer
// range allows, as well as on the project's.
const sdk = process.env.COMPUTE_GALLERY_PULUMI_SDK_DIR;
const otherSdk = sdk ? { "^@pulumi/pulumi$": sdk, "^@pulumi/pulumi/(.*)$": `${sdk}/$1` } : {};
module.exports = {
  projects: [
    {
      displayName: "unit",
      testMatch: ["<rootDir>/test/unit/**/*.test.ts"],
      transform: tsJest,
      testEnvironment: "node",
      moduleNameMapper: otherSdk,
    },
    {
      displayName: "emulator",
      testMatch: ["<rootDir>/test/emulator/**/*.test.ts"],
      transform: tsJest,
      testEnvironment: "node",
    },
    {
      displayName: "contract",
      testMatch: ["<rootDir>/test/contract/**/*.test.ts"],
      transform: tsJest,
      testEnvironment: "node",
    },
    {
      displayName: "clients",
      testMatch: ["<rootDir>/test/clients/**/*.test.ts"],
      transform: tsJest,
      testEnvironment: "node",
    },
    {
      displayName: "e2e",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      transform: tsJest,
      testEnvironment: "node",
    },
    {
      displayName: "consumer",
      testMatch: ["<rootDir>/test/consumer/**/*.test.ts"],
      transform: tsJest,
      testEnvironment: "node",
      // npm pack, once per run, for every project of the suite.
      globalSetup: "<rootDir>/test/consumer/globalSetup.ts",
      globalTeardown: "<rootDir>/test/consumer/globalTeardown.ts",
    },
  ],
};
