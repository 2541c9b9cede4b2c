// The one module the provider imports zod from, so that what loads zod (and when) is visible in one
// place: a refresh or a destroy never needs it (see provider/tuning.ts).
export { z } from "zod";
