// One caller: accounts (list, reorder, delete), PIN lockout (state, failures, unlock), change PIN.
import { api } from "./api.js";
import { $, el, say, busy, param, when, isolated } from "./ui.js";

// Only a number: the id goes into API paths, and a link such as caller.html?id=5/accounts/7%3F must not turn
// "Unlock" into a DELETE of something else.
const id = /^[0-9]{1,19}$/.test(param("id") || "") ? param("id") : null;
const message = $("#message");
let accounts = [];

async function loadCaller() {
  const caller = await api.get(`api/callers/${id}`);
  document.title = `${caller.name} · Landline Authenticator`;
  $("#title").textContent = caller.name;
  $("#summary").textContent = `Account number ${caller.accountNumber}` +
    (caller.phoneNumbers.length ? ` · usually calls from ${caller.phoneNumbers.map((n) => `+${n}`).join(", ")}` : "") +
    ` · voice ${caller.language}`;
  // the header's link is page.js's: it may be missing, and this page must still show the caller
  for (const link of [$("#enrol-link"), $("#nav-enrol")]) if (link) link.href = `enrol.html?caller=${id}`;
}

async function loadAccounts() {
  accounts = await api.get(`api/callers/${id}/accounts`);
  $("#accounts tbody").replaceChildren(...accounts.map(row));
  $("#no-accounts").hidden = accounts.length > 0;
}

function row(account, index) {
  const kind = account.type === "totp"
    ? `TOTP · ${account.digits} digits · ${account.period} s · ${account.algorithm}`
    : `HOTP · ${account.digits} digits · counter ${account.counter} · ${account.algorithm}`;
  const up = el("button", { type: "button", class: "secondary", "aria-label": `Move ${account.issuer || account.label} up`,
    dataset: { action: "up" }, disabled: index === 0 }, "↑");
  const down = el("button", { type: "button", class: "secondary", "aria-label": `Move ${account.issuer || account.label} down`,
    dataset: { action: "down" }, disabled: index === accounts.length - 1 }, "↓");
  const remove = el("button", { type: "button", class: "danger", dataset: { action: "delete" } }, "Delete");
  up.addEventListener("click", busy(up, message, () => move(index, -1)));
  down.addEventListener("click", busy(down, message, () => move(index, 1)));
  remove.addEventListener("click", busy(remove, message, async () => {
    if (!confirm(`Delete ${account.issuer || ""} ${account.label}? The secret cannot be recovered.`)) return;
    await api.del(`api/callers/${id}/accounts/${account.id}`);
    await loadAccounts();
    say(message, "ok", [isolated(account.issuer || account.label), " was deleted."]);
  }));
  return el("tr", { dataset: { accountId: account.id } },
    el("td", { dataset: { label: "Menu key" } }, String(index + 1)),
    el("td", { dataset: { label: "Issuer" } }, account.issuer ? isolated(account.issuer) : "—"),
    el("td", { dataset: { label: "Label" } }, isolated(account.label)),
    el("td", { dataset: { label: "Kind" } }, kind),
    el("td", {}, el("div", { class: "actions" }, up, down, remove)));
}

async function move(index, by) {
  const order = accounts.map((a) => a.id);
  const [moved] = order.splice(index, 1);
  order.splice(index + by, 0, moved);
  await api.put(`api/callers/${id}/accounts/order`, { accountIds: order });
  await loadAccounts();
  say(message, "ok", "The menu order was saved.");
}

async function loadLockout() {
  const [lock, failures] = await Promise.all([api.get(`api/callers/${id}/lockout`),
    api.get(`api/callers/${id}/lockout/failures`)]);
  const state = $("#lock-state");
  state.replaceChildren(lock.locked
    ? el("span", { class: "badge locked" }, "locked")
    : el("span", { class: "badge ok" }, "not locked"),
    ` ${lock.consecutiveFailures} consecutive wrong PIN(s)`,
    lock.lastFailureAt ? `, the last ${when(lock.lastFailureAt)}` : "",
    `; ${lock.windowFailures} of ${lock.windowThreshold} allowed in ${lock.windowDays} days`,
    lock.windowLocked ? " (locked by that limit)" : "");
  $("#since-last-call").textContent = lock.wrongPinsSinceLastCall === 0
    ? "No wrong PINs since the caller's last successful call."
    : `${lock.wrongPinsSinceLastCall} wrong PIN${lock.wrongPinsSinceLastCall === 1 ? " was" : "s were"} entered`
      + " since the caller's last successful call; they hear this first at their next one.";
  $("#unlock").hidden = !lock.locked && lock.consecutiveFailures === 0 && lock.windowFailures === 0;
  $("#unlock").textContent = lock.locked ? "Unlock" : "Reset the count";
  $("#failures").replaceChildren(...(failures.length
    ? failures.map((f) => el("li", {}, `${when(f.at)}: ${f.outcome.toLowerCase()}`))
    : [el("li", { class: "empty" }, "none")]));
}

function setUp() {
  if (!id) {
    say(message, "error", "No caller chosen (or not a caller id): pick one on the Callers page.");
    return;
  }
  $("#unlock").addEventListener("click", busy($("#unlock"), message, async () => {
    await api.del(`api/callers/${id}/lockout`);
    await loadLockout();
    say(message, "ok", "Unlocked: the next call may try the PIN again, and earlier wrong PINs no longer count.");
  }));
  const form = $("#pin-form");
  form.addEventListener("submit", busy($("#pin-button"), message, async () => {
    await api.put(`api/callers/${id}/pin`, { pin: $("#pin").value });
    form.reset();
    say(message, "ok", "The PIN was changed.");
  }));
  Promise.all([loadCaller(), loadAccounts(), loadLockout()])
    .catch((error) => say(message, "error", error.message, error));
}

setUp();
