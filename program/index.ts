// Entry point for `pulumi up` with a full Pulumi installation (Pulumi.yaml
// points here). `npm start` runs the same pipeline through the Automation API.
import { imagePipeline } from "./pipeline";

export = imagePipeline();
