// The browser phone: plays a call against this server's webhooks the way Vonage or Twilio does (a switch on the
// page, remembered for the tab).
// Vonage: GET webhooks/answer?uuid&conversation_uuid&from&to, run the NCCO (talk: show + speak; input: collect DTMF
// by its dtmf settings), POST the input result to the NCCO's own eventUrl, run the NCCO that answers, and so on until
// an NCCO waits for nothing; Vonage's "completed" event at the end.
// Twilio: POST webhooks/twilio/voice (form-encoded, as Twilio does), run the TwiML verbs in order (Say: show +
// speak; Gather: collect keys by its numDigits, finishOnKey and timeout, then POST Digits to its action; a Gather
// that times out with nothing typed goes on with the next verb, the Redirect; Hangup or no verb left: the end),
// then Twilio's "completed" status callback.
// When the server requires signed webhooks, each webhook gets its provider's signature from the admin-only
// api/phone/signatures (docs/security.md, "The browser phone's tokens").
import { api, root } from "./api.js";
import { $, el, say, clear } from "./ui.js";

const message = $("#message");
const KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];
const PROVIDER_KEY = "landline.phone.provider";
/** What Twilio calls a caller who withheld the number. */
const TWILIO_ANONYMOUS = "anonymous";
/** No real account: the server ignores AccountSid, but Twilio always sends one. */
const TWILIO_ACCOUNT = `AC${"0".repeat(32)}`;
let call = null;

/** What both providers' calls share: keys typed against a prompt's rules, the timer, the end. */
class Call {
  constructor(from, to) {
    this.from = from;
    this.to = to;
    this.listening = null;
    this.ended = false;
  }

  /**
   * Waits for keys: submit on the finish key (when there is one), at maxDigits, or timeOut ms after the prompt or
   * the last key. `target` says where the keys go (the provider's own business).
   */
  listen({ maxDigits, finishKey, timeOut, target }, spoken) {
    const listening = { maxDigits, finishKey, timeOut, target, typed: "", timer: null };
    this.listening = listening;
    typed("");
    const keys = Number.isFinite(maxDigits) ? `up to ${maxDigits} key(s)` : "keys";
    state(`Listening: type ${keys}${finishKey ? `, then ${finishKey}` : ""}.`);
    $("#timeout").disabled = false;
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
    if (listening.finishKey && key === listening.finishKey) {
      this.submit(listening, false);
      return;
    }
    listening.typed += key;
    typed(listening.typed);
    if (listening.typed.length >= listening.maxDigits) this.submit(listening, false);
    else this.restartTimer(listening);
  }

  /** The "Time out" button: as if the caller waited for the prompt's timeout. */
  timeOut() {
    if (this.listening && !this.ended) this.submit(this.listening, true);
  }

  async submit(listening, timedOut) {
    if (this.listening !== listening || this.ended) return;
    clearTimeout(listening.timer);
    this.listening = null;
    $("#timeout").disabled = true;
    transcript("you", [listening.typed ? `typed ${listening.typed.replace(/./g, "•")}` : "(silence)"]);
    typed("");
    state("Sending…");
    try {
      await this.send(listening, timedOut);
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
    inCall(false);
    try {
      await this.completed();
    } catch (error) {
      say(message, "error", `The final status event failed: ${error.message}`, error);
    }
  }

  async fail(error) {
    say(message, "error", `The call failed: ${error.message}`, error);
    await this.finish("The call was cut off.");
  }
}

class VonageCall extends Call {
  constructor(from, to) {
    super(from, to);
    this.uuid = crypto.randomUUID();
    this.conversationUuid = `CON-${crypto.randomUUID()}`;
  }

  async answer() {
    const query = new URLSearchParams({ uuid: this.uuid, conversation_uuid: this.conversationUuid });
    if (this.from) query.append("from", this.from);
    query.append("to", this.to);
    await this.run(json(await webhook({ method: "GET", path: "webhooks/answer", query: query.toString() })));
  }

  async run(ncco) {
    this.listening = null;
    stopSpeaking();
    let spoken = Promise.resolve();
    const codes = [];
    for (const action of ncco || []) {
      if (action.action === "talk") {
        const speech = ssml(action.text);
        codes.push(...speech.codes);
        transcript("them", speech.nodes);
        spoken = speak(speech.spoken, action.language);
      } else if (action.action === "input") {
        showCodes(codes);
        const dtmf = action.dtmf || {};
        const url = Array.isArray(action.eventUrl) ? action.eventUrl[0] : action.eventUrl;
        this.listen({ maxDigits: dtmf.maxDigits || 4, finishKey: dtmf.submitOnHash ? "#" : null,
          timeOut: (dtmf.timeOut ?? 3) * 1000, target: url }, spoken);
        return;
      }
    }
    showCodes(codes);
    await this.finish("The call ended.");
  }

  /** Vonage's input payload to the NCCO's own eventUrl, timed out or not. */
  async send(listening, timedOut) {
    const body = JSON.stringify({ speech: { results: [] }, dtmf: { digits: listening.typed, timed_out: timedOut },
      from: this.from || undefined, to: this.to, uuid: this.uuid, conversation_uuid: this.conversationUuid,
      timestamp: new Date().toISOString() });
    await this.run(json(await webhook({ method: "POST", path: webhookPath(listening.target, "webhooks/"), body })));
  }

  /** Vonage's final status event: the server ends the call's single-use URLs. */
  async completed() {
    const body = JSON.stringify({ from: this.from || undefined, to: this.to, uuid: this.uuid,
      conversation_uuid: this.conversationUuid, status: "completed", direction: "inbound",
      timestamp: new Date().toISOString() });
    await webhook({ method: "POST", path: "webhooks/event", body });
  }
}

class TwilioCall extends Call {
  constructor(from, to) {
    super(from, to);
    this.callSid = `CA${hex(16)}`;
  }

  /** The parameters Twilio sends with every request of a call (the server reads CallSid, From, To, CallStatus). */
  params(status, extra = {}) {
    return new URLSearchParams({ AccountSid: TWILIO_ACCOUNT, ApiVersion: "2010-04-01", CallSid: this.callSid,
      CallStatus: status, Direction: "inbound", From: this.from ? `+${this.from}` : TWILIO_ANONYMOUS,
      To: `+${this.to}`, ...extra });
  }

  async answer() {
    await this.post("webhooks/twilio/voice", this.params("ringing"));
  }

  async post(path, params) {
    await this.run(twiml(await webhook({ provider: "twilio", method: "POST", path, body: params.toString() })));
  }

  /** Runs the verbs in order from `start`; a Gather waits for keys, and what follows it is its timeout. */
  async run(verbs, start = 0) {
    this.listening = null;
    stopSpeaking();
    let spoken = Promise.resolve();
    const codes = [];
    const saying = (verb) => {
      const said = sayText(verb);
      codes.push(...said.codes);
      transcript("them", said.nodes);
      spoken = speak(said.spoken, verb.getAttribute("language"));
    };
    for (let at = start; at < verbs.length; at++) {
      const verb = verbs[at];
      switch (verb.localName) {
        case "Say":
          saying(verb);
          break;
        case "Gather": {
          for (const nested of verb.children) {
            if (nested.localName === "Say") saying(nested);
          }
          showCodes(codes);
          const numDigits = Number.parseInt(verb.getAttribute("numDigits") || "", 10);
          const timeout = Number.parseInt(verb.getAttribute("timeout") ?? "5", 10);
          // Twilio's default finishOnKey is '#'; an empty one means no key finishes
          const finishKey = verb.hasAttribute("finishOnKey") ? verb.getAttribute("finishOnKey") : "#";
          this.listen({ maxDigits: numDigits > 0 ? numDigits : Infinity, finishKey: finishKey || null,
            timeOut: (Number.isNaN(timeout) ? 5 : timeout) * 1000,
            target: { action: verb.getAttribute("action"), verbs, next: at + 1 } }, spoken);
          return;
        }
        case "Redirect":
          showCodes(codes);
          await this.post(webhookPath(verb.textContent.trim(), "webhooks/twilio/"), this.params("in-progress"));
          return;
        case "Hangup":
          showCodes(codes);
          await this.finish("The call ended.");
          return;
        case "Pause":
          break;
        default:
          throw new Error(`the TwiML has a verb this phone does not play: ${verb.localName}`);
      }
    }
    // no verb left: Twilio ends the call
    showCodes(codes);
    await this.finish("The call ended.");
  }

  /**
   * Keys typed go to the Gather's action, as Twilio posts them (also when it timed out after some keys). A timeout
   * with nothing typed does not call the action: Twilio goes on with the verb after the Gather.
   */
  async send(listening, timedOut) {
    const { action, verbs, next } = listening.target;
    if (timedOut && !listening.typed) {
      await this.run(verbs, next);
      return;
    }
    const finished = !timedOut && listening.typed.length < listening.maxDigits ? listening.finishKey || "" : "";
    await this.post(webhookPath(action, "webhooks/twilio/"),
      this.params("in-progress", { Digits: listening.typed, FinishedOnKey: finished }));
  }

  /** Twilio's status callback when the call is over: the server ends the call's single-use URLs. */
  async completed() {
    await webhook({ provider: "twilio", method: "POST", path: "webhooks/twilio/status",
      body: this.params("completed", { CallDuration: "0" }).toString() });
  }
}

/**
 * A URL the server named (an eventUrl, a Gather action, a Redirect): its path from "webhooks/" on, on this origin
 * (the server may name its public address instead), and only under the given prefix.
 */
function webhookPath(url, prefix) {
  if (!url) throw new Error("the server named no URL to send the keys to");
  const path = new URL(url, root).pathname;
  const at = path.indexOf("webhooks/");
  if (at < 0 || !path.slice(at).startsWith(prefix)) {
    throw new Error("the server named a URL that is not one of its webhooks");
  }
  return path.slice(at);
}

/**
 * Sends one webhook with its provider's signature (none when the server needs none). Like the providers: no
 * cookies, no browser sign-in. Returns the reply's text.
 */
async function webhook({ provider, method, path, query, body }) {
  const signing = provider === "twilio" ? { provider, method, path, body }
    : method === "GET" ? { method, query } : { method, body };
  const signature = await api.post("api/phone/signatures", signing);
  const headers = {};
  if (signature.signed && signature.authorization) headers.Authorization = signature.authorization;
  if (signature.signed && signature.twilioSignature) headers["X-Twilio-Signature"] = signature.twilioSignature;
  if (body !== undefined) {
    headers["Content-Type"] = provider === "twilio" ? "application/x-www-form-urlencoded" : "application/json";
  }
  const url = new URL(query ? `${path}?${query}` : path, root);
  const response = await fetch(url, { method, headers, body, credentials: "omit" });
  const text = await response.text();
  if (!response.ok) {
    let problem = null;
    try { problem = text ? JSON.parse(text) : null; } catch { problem = null; }
    const error = new Error(problem?.detail || `the webhook answered HTTP ${response.status}`);
    error.problem = problem;
    throw error;
  }
  return text;
}

function json(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    throw new Error("the webhook's answer is not JSON");
  }
}

/** TwiML → its verbs (the Response's child elements). */
function twiml(text) {
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror").length || doc.documentElement.localName !== "Response") {
    throw new Error("the webhook's answer is not TwiML");
  }
  return [...doc.documentElement.children];
}

/**
 * A Say's text → display nodes (digits read one by one, "2, 8, 7, 0, 8, 2", shown as a code), the text to speak
 * (as it is: the commas are the pauses), and the codes read out.
 */
function sayText(verb) {
  const text = verb.textContent.replace(/\s+/g, " ").trim();
  const nodes = [];
  const codes = [];
  let last = 0;
  for (const match of text.matchAll(/\d(?:, \d){3,}/g)) {
    const digits = match[0].replace(/, /g, "");
    nodes.push(text.slice(last, match.index));
    nodes.push(el("span", { class: "digits" }, digits));
    codes.push(digits);
    last = match.index + match[0].length;
  }
  nodes.push(text.slice(last));
  return { nodes: nodes.filter((node) => node !== ""), spoken: text, codes };
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

function hex(bytes) {
  return [...crypto.getRandomValues(new Uint8Array(bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
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

function inCall(calling) {
  $("#call").disabled = calling;
  $("#hangup").disabled = !calling;
  $("#timeout").disabled = true;
  for (const choice of document.querySelectorAll("input[name=provider]")) choice.disabled = calling;
}

function provider() {
  return $("input[name=provider]:checked")?.value === "twilio" ? "twilio" : "vonage";
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
  const remembered = sessionStorage.getItem(PROVIDER_KEY);
  if (remembered === "twilio" || remembered === "vonage") $(`#provider-${remembered}`).checked = true;
  for (const choice of document.querySelectorAll("input[name=provider]")) {
    choice.addEventListener("change", () => sessionStorage.setItem(PROVIDER_KEY, provider()));
  }
  $("#call").addEventListener("click", async () => {
    clear(message);
    const from = $("#from").value.replace(/[^0-9]/g, "");
    const to = $("#to").value.replace(/[^0-9]/g, "") || "442079460000";
    $("#transcript").replaceChildren();
    $("#heard-code").replaceChildren();
    inCall(true);
    const playing = provider();
    call = playing === "twilio" ? new TwilioCall(from, to) : new VonageCall(from, to);
    state("Calling…");
    transcript("system", [`Calling ${to} from ${from ? from : "a withheld number"} (${playing === "twilio" ? "Twilio"
      : "Vonage"})`]);
    try {
      await call.answer();
    } catch (error) {
      await call.fail(error);
    }
  });
  $("#hangup").addEventListener("click", () => call?.hangUp());
  $("#timeout").addEventListener("click", () => call?.timeOut());
  knownNumbers();
}

setUp();
