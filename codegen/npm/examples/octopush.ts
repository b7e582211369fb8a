import { connect } from "@accountkit/octopush-spec";

// apiLogin and apiKey from the options or OCTOPUSH_API_LOGIN, OCTOPUSH_API_KEY
const api = connect();

const { error, response } = await api.PATCH("/v1/public/subaccount/{subaccount_email}/edit", {
  params: { path: { subaccount_email: "leonardo@sub-accounts.com" } },
  body: { first_name: "Leonardo", last_name: "Da Vinci", password: "a-new-password" },
});
if (!response.ok) throw new Error(`edit_subaccount failed: HTTP ${response.status} ${JSON.stringify(error)}`);
console.log(response.status);
