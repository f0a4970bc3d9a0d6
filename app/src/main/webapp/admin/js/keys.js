// Server keys: which seed keys and peppers the stored rows need, and the seed re-encryption with its progress.
// Only public key ids are shown; the server never sends a key.
import { api } from "./api.js";
import { $, el, say, busy } from "./ui.js";

const message = $("#keys-message");

function state(key) {
  if (key.current) return el("span", { class: "badge ok" }, "current");
  if (!key.configured) return el("span", { class: "badge locked" }, "not configured");
  if (key.removable) return el("span", { class: "badge ok" }, "earlier, may be removed");
  return el("span", { class: "badge warn" }, "earlier, still needed");
}

function rows(kind, keys, unit) {
  return keys.map((key) => el("tr", {},
    el("td", { dataset: { label: "Key" } }, kind),
    el("td", { dataset: { label: "Id" } }, el("code", {}, key.id)),
    el("td", { dataset: { label: "State" } }, state(key)),
    el("td", { dataset: { label: "Rows that need it" } }, `${key.rows} ${unit}`)));
}

function show(keys) {
  $("#keys tbody").replaceChildren(...rows("Seed key", keys.seedKeys, "sealed seeds"),
    ...rows("PIN pepper", keys.peppers, "PIN hashes"));
  const problems = [];
  if (keys.seedsUnderMissingKeys > 0) {
    problems.push(`${keys.seedsUnderMissingKeys} sealed seeds need a seed key that is not configured: those accounts`
      + " cannot be read until the key is configured again (landline.seed-key.previous).");
  }
  if (keys.pinsUnderMissingPeppers > 0) {
    problems.push(`${keys.pinsUnderMissingPeppers} PIN hashes need a pepper that is not configured: those callers`
      + " cannot sign in until the pepper is configured again or they are given a new PIN.");
  }
  if (problems.length) {
    say(message, "error", problems.join(" "));
  } else if (keys.seedsToReencrypt > 0) {
    say(message, "info", `${keys.seedsToReencrypt} sealed seeds are under an earlier key: re-encrypt them before`
      + " removing it.");
  } else {
    message.replaceChildren();
    message.className = "message";
  }
}

async function load() {
  show(await api.get("api/keys"));
}

const button = $("#reencrypt");
button.addEventListener("click", busy(button, message, async () => {
  let total = 0;
  for (;;) {
    const pass = await api.post("api/keys/re-encryption", {});
    total += pass.resealed;
    show(pass.keys);
    say(message, "info", `Re-encrypting: ${total} sealed again, ${pass.keys.seedsToReencrypt} to go…`);
    if (pass.complete) {
      show(pass.keys);
      const left = pass.keys.seedsUnderMissingKeys;
      say(message, left > 0 ? "error" : "ok", `Re-encryption finished: ${total} seeds sealed again under the`
        + " current key" + (left > 0 ? `; ${left} need a key that is not configured and were left as they are.`
          : ". Earlier seed keys marked \u201cmay be removed\u201d can now go from the configuration."));
      return;
    }
  }
}));

load().catch((error) => say(message, "error", error.message, error));
