// On every admin page (called by page.js after it has tried to build the header), from one GET /api/status: a banner
// when some voice provider's webhooks are not signed (or when every provider refuses them, so no call can be taken),
// and a notice (in #clock-status, made under the header where a page has none) when this server's clock is off the
// voice provider's by more than 5 s, as an error when callers would hear wrong codes, with a button to clear the
// estimate once the clock is fixed (a node that is not ready gets no webhooks, so it would otherwise never measure
// again). On a page with a #providers table (the Callers page), each provider's mode and the URLs to enter in its
// console. Text only.
// The banner is a security warning, so it needs nothing but api.js and the DOM: no header (without one it goes
// before <main>, or at the top of <body>), and not ui.js (imported only for the clock notice and the providers).
import { api } from "./api.js";

const UNSIGNED = "landline.webhooks.allow-unsigned";

/** Each provider's name (and setting), joined for a sentence: "Vonage and Twilio". */
const names = (providers, what = (p) => p.displayName) => {
  const all = providers.map(what);
  return all.length < 2 ? all.join("") : `${all.slice(0, -1).join(", ")} and ${all[all.length - 1]}`;
};

/** The banner's text, from each provider's mode; a server that does not list them: from the overall mode. */
function warning(status) {
  const providers = Array.isArray(status?.providers) ? status.providers : null;
  if (status?.webhooks === "unsigned-allowed") {
    const unsigned = providers?.filter((p) => p.webhooks === "unsigned-allowed") ?? [];
    const which = unsigned.length ? ` for ${names(unsigned)} calls` : "";
    const settings = unsigned.length ? names(unsigned, (p) => p.secretSetting) : "each provider's secret";
    return `Webhooks are NOT authenticated${which} (${UNSIGNED}=true): anyone who finds /webhooks can lock callers `
      + "out, learn which numbers are registered and skip the call caps. "
      + `Set ${settings}, and remove that setting.`;
  }
  if (status?.webhooks === "refusing-no-secret") {
    const settings = providers?.length ? names(providers, (p) => p.secretSetting).replace(/ and /, " or ")
      : "a provider's secret";
    return `Every call is refused: no provider's webhooks can be checked (set ${settings} in the server `
      + "configuration; the browser phone needs landline.vonage.signature-secret).";
  }
  return null;
}

/** Puts a notice under the banner or the header, else before <main>, else at the top of the page. */
function placeOnTop(notice) {
  const above = document.getElementById("webhook-banner") ?? document.querySelector("header.bar");
  const main = document.querySelector("main");
  if (above) above.after(notice);
  else if (main) main.before(notice);
  else document.body.prepend(notice);
}

function showBanner(status) {
  const text = warning(status);
  if (!text || document.getElementById("webhook-banner")) return;
  const banner = document.createElement("div");
  banner.id = "webhook-banner";
  banner.className = "banner";
  banner.setAttribute("role", "alert");
  banner.textContent = text;
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

const MODES = {
  "signed": (p) => `signed: every webhook must carry a valid ${p.signature}`,
  "unsigned-allowed": () => `NOT authenticated (${UNSIGNED}=true): anyone can drive these calls`,
  "refusing-no-secret": (p) => `every call refused: ${p.secretSetting} is not set`,
};

/** Fills the page's #providers table, if it has one: each provider's mode and what to enter in its console. */
async function showProviders(providers) {
  const table = document.getElementById("providers");
  if (!table || !Array.isArray(providers)) return;
  const { el } = await import("./ui.js");
  table.tBodies[0].replaceChildren(...providers.map((p) => el("tr", { dataset: { provider: p.name } },
    el("td", { dataset: { label: "Provider" } }, p.displayName),
    el("td", { dataset: { label: "Webhooks" }, class: `mode ${p.webhooks}` },
      (MODES[p.webhooks] ?? (() => p.webhooks))(p)),
    el("td", { dataset: { label: "Enter in its console" } }, el("dl", {}, (p.console ?? []).flatMap((c) => [
      el("dt", {}, `${c.field} (${c.method})`), el("dd", {}, el("code", {}, c.url))]))))));
  const hint = document.getElementById("providers-address");
  if (hint) hint.hidden = providers.every((p) => p.publicBaseUrl);
  table.closest("section")?.removeAttribute("hidden");
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
  await showProviders(status?.providers);
}
