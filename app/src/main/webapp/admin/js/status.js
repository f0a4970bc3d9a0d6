// On every admin page (called by page.js after it has tried to build the header), from one GET /api/status: a banner
// when the server's webhooks are not signed, and a notice (in #clock-status, made under the header where a page has
// none) when this server's clock is off the voice provider's by more than 5 s, as an error when callers would hear
// wrong codes, with a button to clear the estimate once the clock is fixed (a node that is not ready gets no
// webhooks, so it would otherwise never measure again). Text only.
// The banner is a security warning, so it needs nothing but api.js and the DOM: no header (without one it goes
// before <main>, or at the top of <body>), and not ui.js (imported only for the clock notice).
import { api } from "./api.js";

const WARNINGS = {
  "unsigned-allowed": "Webhooks are NOT authenticated (landline.webhooks.allow-unsigned=true): anyone who finds "
    + "/webhooks can lock callers out, learn which numbers are registered and skip the call caps. "
    + "Set landline.vonage.signature-secret and remove that setting.",
  "refusing-no-secret": "Every call is refused: landline.vonage.signature-secret is not set, so no webhook can be "
    + "checked. Set it in the server configuration (the browser phone cannot work without it either).",
};

/** Puts a notice under the banner or the header, else before <main>, else at the top of the page. */
function placeOnTop(notice) {
  const above = document.getElementById("webhook-banner") ?? document.querySelector("header.bar");
  const main = document.querySelector("main");
  if (above) above.after(notice);
  else if (main) main.before(notice);
  else document.body.prepend(notice);
}

function showBanner(status) {
  const warning = WARNINGS[status?.webhooks];
  if (!warning || document.getElementById("webhook-banner")) return;
  const banner = document.createElement("div");
  banner.id = "webhook-banner";
  banner.className = "banner";
  banner.setAttribute("role", "alert");
  banner.textContent = warning;
  placeOnTop(banner);
}

async function showClock(clock) {
  if (!clock || !clock.warning) return;
  const { $, el, say } = await import("./ui.js");
  let box = $("#clock-status");
  if (!box) {
    box = el("div", { id: "clock-status", class: "message" });
    placeOnTop(box);
  }
  say(box, clock.tooFar ? "error" : "info", clock.tooFar
    ? `This server's clock is ${clock.description}, more than ${clock.maxOffsetSeconds} s: it is not ready, and callers would hear wrong codes. Fix its time synchronisation (NTP).`
    : `This server's clock is ${clock.description}. Check its time synchronisation (NTP) before it reaches ${clock.maxOffsetSeconds} s.`);
  box.dataset.offsetSeconds = String(clock.offsetSeconds);
  if (clock.tooFar) {
    const button = el("button", { type: "button", id: "clock-fixed" }, "The clock is fixed: measure it again");
    button.addEventListener("click", async () => {
      button.disabled = true;
      try {
        await api.del("api/status/clock");
        say(box, "ok", "Clock estimate cleared: this server is ready again; the next calls measure its clock.");
      } catch (e) {
        say(box, "error", "The clock estimate could not be cleared.", e);
        button.disabled = false;
      }
    });
    box.append(button);
  }
}

export async function showStatus() {
  let status;
  try {
    status = await api.get("api/status");
  } catch {
    return; // the page shows its own error when the API is unreachable
  }
  showBanner(status);
  await showClock(status?.clock);
}
