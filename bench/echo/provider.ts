// The data flavour's dynamic provider (see programs.ts): a no-op like the floor's whose resources are
// as large as ours' (echo/ours.ts).
//
// Installed in node_modules for the run (install.ts), as ours is: Pulumi then stores a `require` of
// this module as each resource's provider, the size of ours', instead of its code.
import type * as pulumi from "@pulumi/pulumi";
import { echoOfOurs, OURS_RESOURCES_ENV, type Json } from "./ours";

const echo = echoOfOurs(OURS_RESOURCES_ENV.ours);

const provider: pulumi.dynamic.ResourceProvider = {
  check: async (_olds: Json, news: Json) => ({ inputs: echo.check(news) }),
  create: async (inputs: Json) => echo.create(inputs),
  diff: async (_id: string, olds: Json, news: Json) => ({ changes: echo.changed(olds, news) }),
  update: async (_id: string, _olds: Json, news: Json) => ({ outs: echo.update(news) }),
};

export = provider;
