import { connect } from "@accountkit/intandem-spec";

// token from the options or INTANDEM_TOKEN
const api = connect();

const { data, error, response } = await api.GET("/v1/partners/accounts/{business_uid}/change_package", {
  params: { path: { business_uid: "88pzdbz1hmkdoel4" }, query: { package_name: "business20" } },
});
if (data === undefined) throw new Error(`change_package failed: HTTP ${response.status} ${JSON.stringify(error)}`);
console.log(data.business_id);
