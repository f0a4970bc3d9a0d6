// On every admin page: a banner when the server's webhooks are not signed (GET /api/status). Text only.
import { api } from "./api.js";
import { el } from "./ui.js";

const WARNINGS = {
  "unsigned-allowed": "Webhooks are NOT authenticated (landline.webhooks.allow-unsigned=true): anyone who finds "
    + "/webhooks can lock callers out, learn which numbers are registered and skip the call caps. "
    + "Set landline.vonage.signature-secret and remove that setting.",
  "refusing-no-secret": "Every call is refused: landline.vonage.signature-secret is not set, so no webhook can be "
    + "checked. Set it in the server configuration (the browser phone cannot work without it either).",
};

async function showBanner() {
  let status;
  try {
    status = await api.get("api/status");
  } catch {
    return; // the page shows its own error when the API is unreachable
  }
  const warning = WARNINGS[status?.webhooks];
  if (!warning || document.getElementById("webhook-banner")) return;
  const banner = el("div", { id: "webhook-banner", class: "banner", role: "alert" }, warning);
  document.querySelector("header.bar")?.after(banner);
}

showBanner();
