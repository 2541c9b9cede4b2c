// ARM plumbing shared by the handlers, by what it does: ids, JSON bodies, async-operation headers, paging.
export { galleryId, imageId, keyOf, optionalParam, param, subscription, TYPES, versionId } from "./ids";
export { getPath, isObject, jsonBody, mergePatch } from "./json";
export { asyncHeaders, operationUrl } from "./asyncHeaders";
export { page } from "./paging";
