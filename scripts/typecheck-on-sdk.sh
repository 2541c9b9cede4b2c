#!/usr/bin/env bash
# Type-checks the provider and the unit tests against another @pulumi/pulumi than the project's (the
# package folder scripts/ensure-pulumi-sdk.sh prints), with that copy's own grpc-js and google-protobuf
# types: the plugin's gRPC messages are typed from the SDK's declarations, and a type the oldest
# supported SDK lacks must fail here, not in a user's build.
#   bash scripts/typecheck-on-sdk.sh <path to node_modules/@pulumi/pulumi>
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
sdk=$(cd "${1:?usage: typecheck-on-sdk.sh <@pulumi/pulumi package folder>}" && pwd)
modules=$(dirname "$(dirname "$sdk")")
config=$(mktemp --suffix .json)
trap 'rm -f "$config"' EXIT
cat >"$config" <<JSON
{
  "extends": "$repo_root/tsconfig.json",
  "compilerOptions": {
    "noEmit": true,
    "baseUrl": "$repo_root",
    "typeRoots": ["$repo_root/node_modules/@types"],
    "types": ["node", "jest"],
    "paths": {
      "@pulumi/pulumi": ["$sdk"],
      "@pulumi/pulumi/*": ["$sdk/*"],
      "@grpc/grpc-js": ["$modules/@grpc/grpc-js"],
      "google-protobuf": ["$modules/@types/google-protobuf"],
      "google-protobuf/*": ["$modules/@types/google-protobuf/*"]
    }
  },
  "include": ["$repo_root/provider", "$repo_root/test/unit", "$repo_root/bench/wire.ts"]
}
JSON
version=$(node -p "require('$sdk/package.json').version")
cd "$repo_root"
npx tsc -p "$config"
echo "== provider and unit tests type-check against @pulumi/pulumi $version"
