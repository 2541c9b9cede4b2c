// The one module the provider and the emulator import zod from. The build replaces its compiled copy
// with a single file holding zod (scripts/bundle-dependencies.ts): zod 4 is 95 files, which took
// about 80 ms to load in every process and thread that validates (the dynamic-provider host, the
// plugin and the emulator's thread); from one file, about 35 ms.
export { z } from "zod";
