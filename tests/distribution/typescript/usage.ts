// Proves the generated types are usable, not just present: a typed request body for PortaBilling's
// Account/update_account, and the compile errors a caller gets for a body the API would reject.
// The distribution test copies this file next to dist/specs/*.d.ts and runs `tsc --strict` there.
import type { components, operations } from "./portabilling";

type UpdateAccount = operations["update_account"];
export type UpdateAccountBody = UpdateAccount["requestBody"]["content"]["application/json"];
export type UpdateAccountReply = UpdateAccount["responses"][200]["content"]["application/json"];

export const body: UpdateAccountBody = {
  params: { account_info: { i_account: 123, email: "someone@example.com" } },
};

export const accountInfo: components["schemas"]["AccountInfo"] = body.params.account_info;

export function updatedAccount(reply: UpdateAccountReply): number {
  return reply.i_account;
}

// @ts-expect-error request schemas are closed: a misspelt field does not compile
export const misspelt: UpdateAccountBody = { params: { account_info: { i_acount: 123 } } };

// @ts-expect-error params is required
export const empty: UpdateAccountBody = {};

// @ts-expect-error i_account is a number
export const wrongType: UpdateAccountBody = { params: { account_info: { i_account: "123" } } };
