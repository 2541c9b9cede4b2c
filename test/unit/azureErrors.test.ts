// How Azure's errors are read: a missing resource vs. everything else.
import { describeAzureError, isNotFound } from "../../provider/azure/errors";

const restError = (statusCode: number, code: string, message = "m", target?: string) => ({
  statusCode,
  code,
  message,
  details: { error: { code, message, ...(target ? { target } : {}) } },
});

test.each([
  ["a 404 ResourceNotFound means the resource is absent", restError(404, "ResourceNotFound"), true],
  [
    "a 404 ParentResourceNotFound means the resource is absent",
    restError(404, "ParentResourceNotFound"),
    true,
  ],
  // Treating it as absent would make refresh drop resources that exist.
  [
    "a 404 SubscriptionNotFound is an error, not an absent resource",
    restError(404, "SubscriptionNotFound"),
    false,
  ],
  ["a 409 is not absence", restError(409, "OperationNotAllowed"), false],
])("%s", (_name, error, expected) => {
  expect(isNotFound(error)).toBe(expected);
});

test("a described error names the action, Azure's code, message, target and status", () => {
  const error = describeAzureError(
    restError(
      409,
      "PropertyChangeNotAllowed",
      "Changing property 'osType' is not allowed.",
      "galleryImage.properties.osType",
    ),
    "writing image definition rg/g/i",
  );
  expect(error.message).toBe(
    "writing image definition rg/g/i failed: PropertyChangeNotAllowed: Changing property 'osType' is not allowed. (target: galleryImage.properties.osType) [HTTP 409]",
  );
});
