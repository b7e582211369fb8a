import { connect } from "@accountkit/portabilling-spec";

// login and password (or token) from the options or PORTABILLING_LOGIN, PORTABILLING_PASSWORD (PORTABILLING_TOKEN)
const api = connect({ baseUrl: "https://billing.example.net/rest" });

const { data, error, response } = await api.POST("/Account/update_account", {
  body: { params: { account_info: { i_account: 55, firstname: "Ada" } } },
});
if (data === undefined) throw new Error(`update_account failed: HTTP ${response.status} ${JSON.stringify(error)}`);
console.log(data.i_account);
