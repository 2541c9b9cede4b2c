// The data flavour's dynamic provider (see programs.ts): a no-op like the floor's whose resources are
// as large as ours' (echo/ours.ts). Its check adds to the inputs what ours' check adds (Azure's
// defaults), its create returns ours' ARM id and outputs of the same kind with this resource's inputs
// laid over them, and its diff asks only whether the outputs still hold every input.
//
// Installed in node_modules for the run (install.ts), as ours is: Pulumi then stores a `require` of
// this module as each resource's provider, the size of ours', instead of its code.
import type * as pulumi from "@pulumi/pulumi";
import { armIdLike, holds, OURS_RESOURCES_ENV, oursLike, over, type Json } from "./ours";

const env = OURS_RESOURCES_ENV.ours;

const echoOfOurs: pulumi.dynamic.ResourceProvider = {
  // Ours' check adds Azure's defaults to the inputs; these inputs get the same.
  async check(_olds: Json, news: Json) {
    return { inputs: over(oursLike(news, env).ours.inputs, news) };
  },
  async create(inputs: Json) {
    const { ours, armName } = oursLike(inputs, env);
    return { id: armIdLike(ours, armName), outs: over(ours.outputs, inputs) };
  },
  async diff(_id: string, olds: Json, news: Json) {
    return { changes: !holds(olds, news) };
  },
  async update(_id: string, _olds: Json, news: Json) {
    return { outs: over(oursLike(news, env).ours.outputs, news) };
  },
};

export = echoOfOurs;
