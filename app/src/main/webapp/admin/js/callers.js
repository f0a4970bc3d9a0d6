// Callers: list, create, change PIN, unlock, delete.
import { api } from "./api.js";
import { $, el, say, clear, busy } from "./ui.js";


const message = $("#message");
// the server hands callers out a page at a time (docs/admin-api.md): never all of them at once
const PAGE_SIZE = 50;
let page = 0;

async function load() {
  const [callers, locked] = await Promise.all([api.get(`api/callers?page=${page}&size=${PAGE_SIZE}`),
    lockedCallers()]);
  if (callers.length === 0 && page > 0) {
    // the last caller of this page was deleted: show the page before
    page -= 1;
    return load();
  }
  const lockedIds = new Set(locked.map((l) => l.callerId));
  const body = $("#callers tbody");
  body.replaceChildren(...callers.map((c) => row(c, lockedIds.has(c.id))));
  $("#no-callers").hidden = callers.length > 0;
  // a full page may have a next one; a shorter one is the last
  $("#pages").hidden = page === 0 && callers.length < PAGE_SIZE;
  $("#previous-page").disabled = page === 0;
  $("#next-page").disabled = callers.length < PAGE_SIZE;
  $("#page-number").textContent = `Page ${page + 1}`;
}

/** Everyone locked (few, unlike callers), a page of 200 at a time until a shorter page. */
async function lockedCallers() {
  const all = [];
  for (let p = 0; ; p++) {
    const some = await api.get(`api/locked-callers?page=${p}&size=200`);
    all.push(...some);
    if (some.length < 200) return all;
  }
}

function turn(by) {
  page = Math.max(0, page + by);
  load().catch((error) => say(message, "error", error.message, error));
}

function row(caller, locked) {
  const pinBox = el("div");
  const tr = el("tr", { dataset: { callerId: caller.id } },
    el("td", { dataset: { label: "Name" } }, el("a", { href: `caller.html?id=${caller.id}` }, caller.name)),
    el("td", { dataset: { label: "Account number" } }, caller.accountNumber),
    el("td", { dataset: { label: "Usual numbers" } }, caller.phoneNumbers.map((n) => `+${n}`).join(", ") || "—"),
    el("td", { dataset: { label: "Accounts" } }, String(caller.accounts)),
    el("td", { dataset: { label: "PIN" } },
      locked ? el("span", { class: "badge locked" }, "locked") : el("span", { class: "badge ok" }, "usable")),
    el("td", {}, actions(caller, locked, pinBox), pinBox));
  return tr;
}

function actions(caller, locked, pinBox) {
  const wrap = el("div", { class: "actions" });
  wrap.append(el("a", { class: "button secondary", href: `caller.html?id=${caller.id}` }, "Accounts"));
  wrap.append(el("a", { class: "button secondary", href: `enrol.html?caller=${caller.id}` }, "Enrol"));
  const change = el("button", { type: "button", class: "secondary", dataset: { action: "change-pin" } }, "Change PIN");
  change.addEventListener("click", () => pinForm(caller, pinBox));
  wrap.append(change);
  if (locked) {
    const unlock = el("button", { type: "button", dataset: { action: "unlock" } }, "Unlock");
    unlock.addEventListener("click", busy(unlock, message, async () => {
      await api.del(`api/callers/${caller.id}/lockout`);
      await load();
      say(message, "ok", `${caller.name} is unlocked: the next call may try the PIN again.`);
    }));
    wrap.append(unlock);
  }
  const remove = el("button", { type: "button", class: "danger", dataset: { action: "delete" } }, "Delete");
  remove.addEventListener("click", busy(remove, message, async () => {
    if (!confirm(`Delete ${caller.name} and all of their ${caller.accounts} accounts? This cannot be undone.`)) return;
    await api.del(`api/callers/${caller.id}`);
    await load();
    say(message, "ok", `${caller.name} was deleted.`);
  }));
  wrap.append(remove);
  return wrap;
}

function pinForm(caller, box) {
  const input = el("input", { type: "password", inputmode: "numeric", autocomplete: "new-password",
    "aria-label": `New PIN for ${caller.name}`, name: "new-pin" });
  const save = el("button", { type: "submit" }, "Save PIN");
  const form = el("form", { class: "actions" }, input, save);
  form.addEventListener("submit", busy(save, message, async () => {
    await api.put(`api/callers/${caller.id}/pin`, { pin: input.value });
    box.replaceChildren();
    say(message, "ok", `${caller.name}'s PIN was changed.`);
  }));
  box.replaceChildren(form);
  input.focus();
}

function setUp() {
  // the languages that have prompts, as the server says (it refuses any other)
  const select = $("#language");
  api.get("api/languages").then((languages) => select.replaceChildren(
    ...languages.map((l) => el("option", { value: l.tag }, `${l.name} — ${l.tag}`))))
    .catch((error) => say(message, "error", error.message, error));
  const form = $("#create");
  form.addEventListener("submit", busy($("#create-button"), message, async () => {
    const data = new FormData(form);
    const phones = String(data.get("phoneNumbers") || "").split(",").map((p) => p.trim()).filter(Boolean);
    const created = await api.post("api/callers", {
      name: data.get("name"), accountNumber: data.get("accountNumber"), pin: data.get("pin"),
      phoneNumbers: phones, language: data.get("language"),
    });
    form.reset();
    say(message, "ok", `${created.name} was created. `);
    message.append(el("a", { href: `enrol.html?caller=${created.id}` }, "Enrol their first account"));
    await load();
  }));
  $("#previous-page").addEventListener("click", () => turn(-1));
  $("#next-page").addEventListener("click", () => turn(1));
  clear(message);
  load().catch((error) => say(message, "error", error.message, error));
}

setUp();
