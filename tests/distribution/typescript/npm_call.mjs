// Runs inside a project that installed the npm packages from the registry: calls through a package's
// connect() and prints what came back as JSON. Credentials and base URLs come from the environment
// variables connect() falls back to (the Python clients' names).
//
// Usage: node npm_call.mjs <package name> '<plan as JSON>'
// plan: { method: "POST", path: "/Account/update_account", init: { params, body }, concurrent?: n, options?: {...} }
const [name, planText] = process.argv.slice(2);
const plan = JSON.parse(planText);
const { connect } = await import(name);
let outcome;
try {
  const api = connect(plan.options ?? {});
  const call = () => api[plan.method](plan.path, plan.init);
  const answers = await Promise.all(Array.from({ length: plan.concurrent ?? 1 }, call));
  outcome = answers.map(({ data, error, response }) => ({ status: response.status, data: data ?? null, error: error ?? null }));
} catch (error) {
  outcome = { thrown: error?.name ?? typeof error, message: String(error?.message ?? error) };
}
console.log(JSON.stringify(outcome));
