// Type-checks against the types openapi-typescript generates from
// errors.yaml (npx openapi-typescript errors.yaml --enum -o errors.ts).
import { ErrorCode, type components } from "./errors";

type ErrorResult = components["schemas"]["ErrorResult"];

export function isNotFound(body: ErrorResult): boolean {
  return body.ErrorCode === ErrorCode.ItemNotFound;
}

const body: ErrorResult = JSON.parse('{"ErrorCode":1002,"Message":"Robot does not exist."}');
console.log(isNotFound(body), ErrorCode.ItemNotFound);
