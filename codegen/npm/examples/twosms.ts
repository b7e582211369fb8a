import { connect } from "@accountkit/twosms-spec";

// clientId and clientSecret from the options or TWOSMS_CLIENT_ID, TWOSMS_CLIENT_SECRET
const api = connect();

const { data, error, response } = await api.PUT("/api/v2/admin/accounts/{id}", {
  params: { path: { id: "f3cf5cc6-a44f-43da-81ec-04c8d2f91294" } },
  body: {
    ContactNumber: "+15555550100",
    EmailAddress: "ada@example.com",
    SMSPassword: "sms-password",
    SMSUsername: "ada",
    TimeZone: "Eastern Standard Time",
    FirstName: "Ada",
  },
});
// 2sms reports a failure in the envelope's Error, whatever the HTTP status
if (data === undefined || data.Error) {
  throw new Error(`update_account failed: HTTP ${response.status} ${JSON.stringify(error ?? data?.Error)}`);
}
console.log(data.ResponseData);
