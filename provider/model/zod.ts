// The one module the provider imports zod from. The build replaces its compiled copy with a single
// file holding zod (scripts/bundle-dependencies.ts): zod 4 is 95 files, which took about 80 ms to
// load in every process that validates (the dynamic-provider host, each start of the plugin); from
// one file, about 35 ms. (The emulator does not load zod.)
export { z } from "zod";
