// The browser phone: plays a call against this server's Vonage webhooks the way Vonage does.
// GET webhooks/answer?uuid&conversation_uuid&from&to, run the NCCO (talk: show + speak; input: collect DTMF by its
// dtmf settings), POST the input result to the NCCO's own eventUrl, run the NCCO that answers, and so on until an
// NCCO waits for nothing. When the server requires signed webhooks, each webhook gets Vonage's kind of token from
// the admin-only api/phone/signatures (docs/security.md, "The browser phone's tokens").
import { api, root } from "./api.js";
import { $, el, say, clear } from "./ui.js";

const message = $("#message");
const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];
let call = null;

class Call {
  constructor(from, to) {
    this.uuid = crypto.randomUUID();
    this.conversationUuid = `CON-${crypto.randomUUID()}`;
    this.from = from;
    this.to = to;
    this.listening = null;
    this.ended = false;
  }

  async answer() {
    const query = new URLSearchParams({ uuid: this.uuid, conversation_uuid: this.conversationUuid });
    if (this.from) query.append("from", this.from);
    query.append("to", this.to);
    await this.run(await webhook("GET", `webhooks/answer?${query}`));
  }

  async run(ncco) {
    this.listening = null;
    stopSpeaking();
    let spoken = Promise.resolve();
    const codes = [];
    for (const action of ncco) {
      if (action.action === "talk") {
        const speech = ssml(action.text);
        codes.push(...speech.codes);
        transcript("them", speech.nodes);
        spoken = speak(speech.spoken, action.language);
      } else if (action.action === "input") {
        showCodes(codes);
        this.listen(action, spoken);
        return;
      }
    }
    showCodes(codes);
    await this.finish("The call ended.");
  }

  /** Waits for keys as Vonage would: submit on '#' (when asked), at maxDigits, or timeOut seconds after the last key. */
  listen(input, spoken) {
    const dtmf = input.dtmf || {};
    const url = Array.isArray(input.eventUrl) ? input.eventUrl[0] : input.eventUrl;
    const listening = { url, maxDigits: dtmf.maxDigits || 4, submitOnHash: !!dtmf.submitOnHash,
      timeOut: (dtmf.timeOut ?? 3) * 1000, typed: "", timer: null };
    this.listening = listening;
    typed("");
    state(`Listening: type up to ${listening.maxDigits} key(s)${listening.submitOnHash ? ", then #" : ""}.`);
    // The timeout runs once the prompt has been spoken (at once when speech is off); keys are taken during it.
    spoken.then(() => { if (this.listening === listening && !listening.typed) this.restartTimer(listening); });
  }

  restartTimer(listening) {
    clearTimeout(listening.timer);
    listening.timer = setTimeout(() => this.submit(listening, true), listening.timeOut);
  }

  key(key) {
    const listening = this.listening;
    if (!listening || this.ended) return;
    if (key === "#" && listening.submitOnHash) {
      this.submit(listening, false);
      return;
    }
    listening.typed += key;
    typed(listening.typed);
    if (listening.typed.length >= listening.maxDigits) this.submit(listening, false);
    else this.restartTimer(listening);
  }

  async submit(listening, timedOut) {
    if (this.listening !== listening || this.ended) return;
    clearTimeout(listening.timer);
    this.listening = null;
    transcript("you", [listening.typed ? `typed ${listening.typed.replace(/./g, "•")}` : "(silence)"]);
    typed("");
    state("Sending…");
    const body = JSON.stringify({ speech: { results: [] }, dtmf: { digits: listening.typed, timed_out: timedOut },
      from: this.from || undefined, to: this.to, uuid: this.uuid, conversation_uuid: this.conversationUuid,
      timestamp: new Date().toISOString() });
    try {
      await this.run(await webhook("POST", webhookPath(listening.url), body));
    } catch (error) {
      await this.fail(error);
    }
  }

  async hangUp() {
    await this.finish("You hung up.");
  }

  async finish(why) {
    if (this.ended) return;
    this.ended = true;
    if (this.listening) clearTimeout(this.listening.timer);
    this.listening = null;
    state(why);
    transcript("system", [why]);
    $("#call").disabled = false;
    $("#hangup").disabled = true;
    // Vonage's final status event: the server ends the call's single-use URLs.
    const body = JSON.stringify({ from: this.from || undefined, to: this.to, uuid: this.uuid,
      conversation_uuid: this.conversationUuid, status: "completed", direction: "inbound",
      timestamp: new Date().toISOString() });
    try {
      await webhook("POST", "webhooks/event", body);
    } catch (error) {
      say(message, "error", `The final status event failed: ${error.message}`, error);
    }
  }

  async fail(error) {
    say(message, "error", `The call failed: ${error.message}`, error);
    await this.finish("The call was cut off.");
  }
}

/** The eventUrl's path from "webhooks/" on, on this origin (the NCCO may name the public address instead). */
function webhookPath(url) {
  const path = new URL(url, root).pathname;
  const at = path.indexOf("webhooks/");
  if (at < 0) throw new Error("the NCCO's eventUrl is not one of this server's webhooks");
  return path.slice(at);
}

async function webhook(method, path, body) {
  const query = method === "GET" && path.includes("?") ? path.slice(path.indexOf("?") + 1) : undefined;
  const signature = await api.post("api/phone/signatures", method === "GET" ? { method, query } : { method, body });
  const headers = {};
  if (signature.signed) headers.Authorization = signature.authorization;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  // Like Vonage: no cookies, no browser sign-in; only the webhook token.
  const response = await fetch(new URL(path, root), { method, headers, body, credentials: "omit" });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) {
    const error = new Error(data?.detail || `the webhook answered HTTP ${response.status}`);
    error.problem = data;
    throw error;
  }
  return data;
}

/** SSML → display nodes (digits read one by one are marked), the text to speak, and the codes read out. */
function ssml(text) {
  const doc = new DOMParser().parseFromString(text.trim().startsWith("<speak") ? text : `<speak>${text}</speak>`,
    "application/xml");
  if (doc.getElementsByTagName("parsererror").length) {
    const plain = text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
    return { nodes: [plain], spoken: plain, codes: [] };
  }
  const nodes = [];
  const spoken = [];
  const codes = [];
  (function walk(node) {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        nodes.push(child.textContent);
        spoken.push(child.textContent);
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const name = child.localName;
        if (name === "say-as" && /digits|character/.test(child.getAttribute("interpret-as") || "")) {
          const digits = child.textContent.trim();
          codes.push(digits);
          nodes.push(el("span", { class: "digits" }, digits));
          spoken.push(` ${digits.split("").join(" ")} `);
        } else if (name === "break") {
          nodes.push(" ");
          spoken.push(", ");
        } else {
          walk(child);
        }
      }
    }
  })(doc.documentElement);
  return { nodes, spoken: spoken.join("").replace(/\s+/g, " ").trim(), codes };
}

function speak(text, language) {
  if (!$("#speak").checked || !("speechSynthesis" in window) || !text) return Promise.resolve();
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(text);
    if (language) utterance.lang = language;
    utterance.onend = resolve;
    utterance.onerror = resolve;
    // Never wait forever: some browsers have no voice and fire nothing.
    setTimeout(resolve, 2000 + text.length * 90);
    speechSynthesis.speak(utterance);
  });
}

function stopSpeaking() {
  if ("speechSynthesis" in window) speechSynthesis.cancel();
}

function showCodes(codes) {
  if (!codes.length) return;
  const code = codes[codes.length - 1];
  $("#heard-code").replaceChildren(el("div", { class: "hint" }, "The code read out"),
    el("div", { class: "code", id: "code-heard" }, code));
}

function transcript(who, nodes) {
  const box = $("#transcript");
  box.append(el("p", { class: who }, ...nodes));
  box.scrollTop = box.scrollHeight;
}

function typed(text) {
  $("#typed").textContent = text.replace(/./g, "•");
}

function state(text) {
  $("#call-state").textContent = text;
}

async function knownNumbers() {
  try {
    const callers = await api.get("api/callers");
    $("#known-numbers").replaceChildren(...callers.flatMap((c) =>
      c.phoneNumbers.map((n) => el("option", { value: n }, `${c.name}`))));
  } catch (error) {
    say(message, "error", error.message, error);
  }
}

function setUp() {
  const pad = $("#pad");
  for (const key of KEYS) {
    const button = el("button", { type: "button", dataset: { key }, "aria-label": `key ${key}` }, key);
    button.addEventListener("click", () => call?.key(key));
    pad.append(button);
  }
  document.addEventListener("keydown", (event) => {
    if (event.target.matches("input, select, textarea")) return;
    if (KEYS.includes(event.key)) call?.key(event.key);
  });
  $("#call").addEventListener("click", async () => {
    clear(message);
    const from = $("#from").value.replace(/[^0-9]/g, "");
    const to = $("#to").value.replace(/[^0-9]/g, "") || "442079460000";
    $("#transcript").replaceChildren();
    $("#heard-code").replaceChildren();
    $("#call").disabled = true;
    $("#hangup").disabled = false;
    call = new Call(from, to);
    state("Calling…");
    transcript("system", [`Calling ${to} from ${from ? from : "a withheld number"}`]);
    try {
      await call.answer();
    } catch (error) {
      await call.fail(error);
    }
  });
  $("#hangup").addEventListener("click", () => call?.hangUp());
  knownNumbers();
}

setUp();
