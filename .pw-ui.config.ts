// TEMPORARY (ui engineer): run e2e against an already running server. Delete before handing back.
import base from "./playwright.config";
export default { ...base, webServer: undefined, use: { ...base.use, baseURL: process.env.UI_BASE_URL } };
