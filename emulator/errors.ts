// ARM's CloudError shape, with one factory function per Azure error code so every body carries the
// service's exact `code`, a message in its style and the `target` the service names.

export interface CloudErrorBody {
  code: string;
  message: string;
  target?: string;
  details?: CloudErrorBody[];
}

export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly body: CloudErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${body.code}: ${body.message}`);
  }
}

const err = (status: number, code: string, message: string, target?: string): ArmError =>
  new ArmError(status, target === undefined ? { code, message } : { code, message, target });

export const errors = {
  missingApiVersion: () =>
    err(
      400,
      "MissingApiVersionParameter",
      "The api-version query parameter (?api-version=) is required for all requests.",
    ),

  noRegisteredProviderFound: (
    apiVersion: string,
    type: string,
    location: string,
    supported: readonly string[],
  ) =>
    err(
      400,
      "NoRegisteredProviderFound",
      `No registered resource provider found for location '${location}' and API version '${apiVersion}' for type '${type}'. ` +
        `The supported api-versions are '${supported.join(", ")}'.`,
    ),

  authenticationFailed: (realm: string) =>
    new ArmError(
      401,
      {
        code: "AuthenticationFailed",
        message: "Authentication failed. The 'Authorization' header is missing.",
      },
      {
        "WWW-Authenticate": `Bearer authorization_uri="${realm}", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`,
      },
    ),

  /** A token ARM refuses: InvalidAuthenticationToken, ExpiredAuthenticationToken or InvalidAuthenticationTokenAudience. */
  tokenRefused: (realm: string, refusal: { code: string; message: string }) =>
    new ArmError(
      401,
      { code: refusal.code, message: refusal.message },
      {
        "WWW-Authenticate": `Bearer authorization_uri="${realm}", error="invalid_token", error_description="${refusal.message.replace(/"/g, "'")}"`,
      },
    ),

  /** ARM's answer to an api-version that is not a date at all (a date it does not know is NoRegisteredProviderFound). */
  invalidApiVersion: (apiVersion: string, supported: readonly string[]) =>
    err(
      400,
      "InvalidApiVersionParameter",
      `The api-version '${apiVersion}' is invalid. The supported versions are '${supported.join(",")}'.`,
    ),

  /** Compute's deserializer meeting a member an older api-version does not define. */
  memberNotInApiVersion: (member: string, path: string, apiVersion: string) =>
    err(
      400,
      "InvalidRequestContent",
      `The request content was invalid and could not be deserialized: 'Could not find member '${member}' on object. ` +
        `Path '${path}'.' The member is not part of api-version '${apiVersion}'.`,
      path,
    ),

  resourceGroupNotFound: (resourceGroup: string) =>
    err(404, "ResourceGroupNotFound", `Resource group '${resourceGroup}' could not be found.`),

  subscriptionNotFound: (subscriptionId: string) =>
    err(404, "SubscriptionNotFound", `The subscription '${subscriptionId}' could not be found.`),

  invalidParameter: (message: string, target: string) => err(400, "InvalidParameter", message, target),

  missingParameter: (target: string) =>
    err(400, "InvalidParameter", `Required parameter '${target}' is missing (null).`, target),

  enumValueNotAllowed: (value: unknown, target: string, allowed: readonly string[]) =>
    err(
      400,
      "InvalidParameter",
      `The value '${String(value)}' of parameter '${target}' is not allowed. Allowed values are '${allowed.join("', '")}'.`,
      target,
    ),

  invalidRequestContent: (why: string) =>
    err(
      400,
      "InvalidRequestContent",
      `The request content was invalid and could not be deserialized: '${why}'.`,
    ),

  locationNotAvailable: (location: string, type: string, available: string[]) =>
    err(
      400,
      "LocationNotAvailableForResourceType",
      `The provided location '${location}' is not available for resource type '${type}'. ` +
        `List of available regions for the resource type is '${available.join(",")}'.`,
    ),

  propertyChangeNotAllowed: (target: string) =>
    err(409, "PropertyChangeNotAllowed", `Changing property '${target}' is not allowed.`, target),

  operationNotAllowed: (message: string, target?: string) => err(409, "OperationNotAllowed", message, target),

  resourceNotFound: (type: string, name: string, resourceGroup: string) =>
    err(
      404,
      "ResourceNotFound",
      `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. ` +
        "For more details please go to https://aka.ms/ARMResourceNotFoundFix",
    ),

  parentResourceNotFound: (parentType: string, parentName: string) =>
    err(
      404,
      "ParentResourceNotFound",
      `Can not perform requested operation on nested resource. Parent resource '${parentName}' not found.`,
      parentType,
    ),

  conflict: (message: string, target?: string) => err(409, "Conflict", message, target),

  sourceExceedsMaxSize: (sizeGB: number, maxGB: number, target: string) =>
    err(
      400,
      "GallerySourceResourceExceedsMaxSize",
      `The GalleryImageVersion source resource size ${sizeGB} exceeds the max size ${maxGB} supported.`,
      target,
    ),

  quotaExceeded: (message: string, target?: string) => err(409, "QuotaExceeded", message, target),

  operationNotFound: (id: string) => err(404, "NotFound", `The operation '${id}' was not found.`),

  notFound: (path: string) =>
    err(404, "NotFound", `No HTTP resource was found that matches the request URI '${path}'.`),

  methodNotAllowed: (method: string) =>
    err(405, "MethodNotAllowed", `The requested resource does not support http method '${method}'.`),

  /** ARM's refusal when no role assigned to the caller at the path or above allows the action. */
  authorizationFailed: (clientId: string, objectId: string, action: string, scope: string) =>
    err(
      403,
      "AuthorizationFailed",
      `The client '${clientId}' with object id '${objectId}' does not have authorization to perform action ` +
        `'${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    ),

  roleAssignmentNotFound: (name: string) =>
    err(404, "RoleAssignmentNotFound", `The role assignment '${name}' is not found.`),

  invalidRoleAssignmentId: (name: string) =>
    err(
      400,
      "InvalidRoleAssignmentId",
      `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`,
    ),

  roleDefinitionDoesNotExist: (id: string, status = 400) =>
    err(
      status,
      "RoleDefinitionDoesNotExist",
      `The specified role definition with ID '${id}' does not exist.`,
    ),

  invalidPrincipalId: () =>
    err(400, "InvalidPrincipalId", "A valid principal ID must be provided for role assignment."),

  principalNotFound: (principalId: string, tenantId: string) =>
    err(
      400,
      "PrincipalNotFound",
      `Principal ${principalId} does not exist in the directory ${tenantId}. Check that you have the correct principal ID. ` +
        "If you are creating this principal and then immediately assigning a role, this error might be related to a " +
        "replication delay. In this case, set the role assignment principalType property to a value, such as " +
        "ServicePrincipal, User, or Group. See https://aka.ms/docs-principaltype",
    ),

  roleAssignmentExists: () => err(409, "RoleAssignmentExists", "The role assignment already exists."),

  roleAssignmentUpdateNotPermitted: () =>
    err(
      409,
      "RoleAssignmentUpdateNotPermitted",
      "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.",
    ),

  invalidFilter: (filter: string, supported: string) =>
    err(400, "InvalidFilter", `The filter '${filter}' is not supported. Supported filters: ${supported}.`),

  internal: (message: string) => err(500, "InternalServerError", message),

  /** An injected fault's answer (faults.ts): the status, Azure's code and message, and Retry-After. */
  injected: (status: number, code: string, message: string, retryAfterSeconds?: number) =>
    new ArmError(
      status,
      { code, message },
      retryAfterSeconds === undefined ? {} : { "Retry-After": String(retryAfterSeconds) },
    ),
};
