// Subscription and tenant ids (GUIDs, as Azure's are) and community publisher details that the
// sharing tests of every suite share with a gallery. Two of the ids are those of the spec's example
// Gallery_AddToSharingProfile.
export const SUBSCRIPTION_A = "34a4ab42-0d72-47d9-bd1a-aed207386dac";
export const SUBSCRIPTION_B = "380fd389-260b-41aa-bad9-0a83108c370b";
export const SUBSCRIPTION_C = "6f1c2e6a-51b0-4f5e-9c53-0d6c3f8b9a11";
export const TENANT = "c24c76aa-8897-4027-9b03-8f7928b54ff6";

export const COMMUNITY_INFO = {
  publisherUri: "https://contoso.example",
  publisherContact: "images@contoso.example",
  eula: "https://contoso.example/eula",
  publicNamePrefix: "contoso",
} as const;
