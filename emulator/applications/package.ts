// What a VM application version publishes (GalleryRP 2024-03-03 gallery.json,
// GalleryApplicationVersionPublishingProfile): the package blob and its default configuration, the
// commands that manage it, the file names on the VM; validated, with the defaults the service fills in.
import { isObject } from "../arm/json";
import type { Context } from "../context";
import { errors } from "../errors";
import type { JsonObject } from "../model";
import { blobLink } from "../rules/blobLink";
import { SCRIPT_BEHAVIORS_AFTER_REBOOT } from "../rules/enums";
import { enumValue, optionalObject, requiredString } from "../rules/validate";
import { normaliseCustomActions } from "./definition";
import { APPLICATION_PUBLISHING_PROFILE } from "./paths";

/** UserArtifactManage and UserArtifactSettings: "This is limited to 4096 characters." */
const MAX_COMMAND_CHARS = 4096;

function limited(obj: JsonObject, key: string, target: string, required: boolean): void {
  const v = required ? requiredString(obj, key, target) : obj[key];
  if (v === undefined || v === null) return;
  if (typeof v !== "string")
    throw errors.invalidParameter(`The value of parameter '${target}' must be a string.`, target);
  if (v.length > MAX_COMMAND_CHARS) {
    throw errors.invalidParameter(
      `The value of parameter '${target}' is ${v.length} characters long; at most ${MAX_COMMAND_CHARS} are allowed.`,
      target,
    );
  }
}

/**
 * Validates the package part of the profile and fills enableHealthCheck (false, as recorded by azure-cli's
 * test_gallery_application_version, 2021-07-01). Returns the profile and the media link's blob.
 */
export function normalisePackage(raw: JsonObject): { profile: JsonObject; mediaBlob: string } {
  const base = APPLICATION_PUBLISHING_PROFILE;
  const profile: JsonObject = { ...raw };
  const source = optionalObject(profile, "source", `${base}.source`);
  if (!source) throw errors.missingParameter(`${base}.source`);
  const media = blobLink(source.mediaLink, `${base}.source.mediaLink`);
  const config = source.defaultConfigurationLink;
  if (config !== undefined && config !== null && config !== "")
    blobLink(config, `${base}.source.defaultConfigurationLink`);
  const manage = optionalObject(profile, "manageActions", `${base}.manageActions`);
  if (!manage) throw errors.missingParameter(`${base}.manageActions`);
  limited(manage, "install", `${base}.manageActions.install`, true);
  limited(manage, "remove", `${base}.manageActions.remove`, true);
  limited(manage, "update", `${base}.manageActions.update`, false);
  const settings = optionalObject(profile, "settings", `${base}.settings`);
  if (settings) {
    limited(settings, "packageFileName", `${base}.settings.packageFileName`, false);
    limited(settings, "configFileName", `${base}.settings.configFileName`, false);
    enumValue(
      settings,
      "scriptBehaviorAfterReboot",
      SCRIPT_BEHAVIORS_AFTER_REBOOT,
      `${base}.settings.scriptBehaviorAfterReboot`,
    );
  }
  const advanced = profile.advancedSettings;
  if (advanced !== undefined && advanced !== null) {
    // "additionalProperties": { "type": "string" }
    if (!isObject(advanced) || Object.values(advanced).some((v) => typeof v !== "string")) {
      throw errors.invalidParameter(
        `The value of parameter '${base}.advancedSettings' must be an object whose values are strings.`,
        `${base}.advancedSettings`,
      );
    }
  }
  profile.enableHealthCheck ??= false;
  if (typeof profile.enableHealthCheck !== "boolean") {
    throw errors.invalidParameter(
      `The value of parameter '${base}.enableHealthCheck' must be a boolean.`,
      `${base}.enableHealthCheck`,
    );
  }
  const actions = normaliseCustomActions(profile.customActions, `${base}.customActions`);
  if (actions === undefined) delete profile.customActions;
  else profile.customActions = actions;
  return { profile, mediaBlob: media.blob };
}

/**
 * The package's size, from the source registered at its blob URL (without SAS): the emulator's stand-in
 * for "the gallery can read it". An unregistered blob is refused as an unregistered VHD is; a package over
 * the limit (limits.ts) is refused too.
 */
export function packageSizeGB(ctx: Context, mediaBlob: string): number {
  const target = `${APPLICATION_PUBLISHING_PROFILE}.source.mediaLink`;
  const found = ctx.svc.store.getSource(mediaBlob.toLowerCase());
  if (!found) {
    throw errors.invalidParameter(
      `The blob '${mediaBlob}' named by parameter '${target}' could not be read: it does not exist or is not readable with the given SAS.`,
      target,
    );
  }
  const max = ctx.svc.opts.limits.maxApplicationPackageSizeGB;
  if (found.osDiskSizeGB > max) {
    throw errors.invalidParameter(
      `The package '${mediaBlob}' is ${found.osDiskSizeGB} GB; an application version's package may be at most ${max} GB.`,
      target,
    );
  }
  return found.osDiskSizeGB;
}
