import { connect } from "@accountkit/activeplatform-spec";

// apiToken from the options or ACTIVEPLATFORM_API_TOKEN
const api = connect({ baseUrl: "https://test.activeplatform.com" });

const { data, error, response } = await api.PUT("/api/vendor/v1/accounts/{account_id}.json", {
  params: { path: { account_id: 505 } },
  body: { first_name: "Ada", last_name: "Lovelace" },
});
if (data === undefined) throw new Error(`update_account failed: HTTP ${response.status} ${JSON.stringify(error)}`);
console.log(data.id);
