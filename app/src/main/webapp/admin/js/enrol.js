// Enrolment: a URI, a screenshot or a camera scan → a server-side preview with live codes → save.
// A Google Authenticator export of several QR codes is collected part by part ("2 of 3 codes scanned").
import { api, request } from "./api.js";
import { $, el, say, clear, busy, param, isolated } from "./ui.js";
import { prepare, readQrCodes } from "./qr-reader.js";

const message = $("#message");
const RING = 2 * Math.PI * 20;
let enrolment = null;
// the caller the pending enrolment belongs to (the list may be switched to another one meanwhile)
let enrolmentCaller = null;
let ticker = null;
let refreshing = false;
let ticks = 0;
let camera = null;
let frameTimer = null;
// How long the browser's decoder may look at the camera before the current frame goes to the server instead.
const FRAME_AFTER_MS = 4000;
// At most this often the browser's decoder looks at a frame (less often when a frame takes it longer).
const LOOK_EVERY_MS = 125;

// The chosen caller; while the list is still loading, the one this page was opened for (?caller=, a number only).
const callerId = () => {
  const id = $("#caller").value || param("caller") || "";
  if (!/^[0-9]{1,19}$/.test(id)) throw new Error("Choose a caller first.");
  return id;
};
const base = (caller = callerId()) => `api/callers/${caller}/enrolments`;

async function loadCallers() {
  const callers = await api.get("api/callers");
  const wanted = param("caller");
  $("#caller").replaceChildren(...callers.map((c) =>
    el("option", { value: c.id, selected: String(c.id) === wanted }, `${c.name} (${c.accountNumber})`)));
  if (!callers.length) say(message, "info", "Create a caller first, on the Callers page.");
}

/** The first QR starts an enrolment; while a multi-QR export is incomplete, the next one is added as a part. */
async function submit(body) {
  clear(message);
  const collecting = enrolment && enrolment.batch && !enrolment.batch.complete;
  const caller = collecting ? enrolmentCaller : callerId();
  const path = collecting ? `${base(caller)}/${enrolment.id}/parts`
    : body instanceof Blob ? `${base(caller)}/images` : base(caller);
  if (enrolment && !collecting) await discard(true);
  const result = await request("POST", path, body instanceof Blob ? body : { uri: body });
  enrolmentCaller = caller;
  show(result.data);
}

function show(next) {
  const first = !enrolment || enrolment.id !== next.id;
  enrolment = next;
  $("#preview").hidden = false;
  if (first) $("#preview").scrollIntoView({ block: "nearest" });
  const batch = next.batch;
  $("#batch").hidden = !batch;
  if (batch) {
    $("#batch").textContent = batch.complete
      ? `${batch.summary}: the export is complete.`
      : `${batch.summary}: scan or upload the next QR code of this export, or import the scanned part only.`;
  }
  $("#save-partial").hidden = !batch || batch.complete;
  $("#save").disabled = !!batch && !batch.complete;
  $("#accounts").replaceChildren(...next.accounts.map(account));
  clearInterval(ticker);
  ticker = setInterval(tick, 1000);
}

function account(a, index) {
  const params = a.type === "totp"
    ? `TOTP · ${a.algorithm} · ${a.digits} digits · every ${a.period} s`
    : `HOTP · ${a.algorithm} · ${a.digits} digits · counter ${a.counter}`;
  return el("div", { class: "preview-account", dataset: { index } },
    a.type === "totp" ? ring(a.secondsLeft, a.period) : el("span", { class: "ring" }),
    el("div", { class: "who" },
      el("strong", {}, a.issuer ? isolated(a.issuer) : "(no issuer)"), " ", el("span", {}, isolated(a.label)),
      el("div", { class: "params" }, params),
      a.duplicate ? el("span", { class: "badge warn" }, "already stored: will be skipped") : null),
    el("div", { class: "code", dataset: { code: a.code } }, a.code));
}

function ring(left, period) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 48 48");
  svg.setAttribute("class", "ring");
  svg.setAttribute("role", "img");
  const track = document.createElementNS(ns, "circle");
  const arc = document.createElementNS(ns, "circle");
  for (const c of [track, arc]) {
    c.setAttribute("cx", "24"); c.setAttribute("cy", "24"); c.setAttribute("r", "20");
  }
  track.setAttribute("class", "track");
  arc.setAttribute("class", "left");
  arc.setAttribute("stroke-dasharray", String(RING));
  const label = document.createElementNS(ns, "text");
  label.setAttribute("x", "24"); label.setAttribute("y", "24");
  svg.append(track, arc, label);
  svg.dataset.left = String(left);
  svg.dataset.period = String(period);
  draw(svg);
  return svg;
}

function draw(svg) {
  const left = Number(svg.dataset.left);
  const period = Number(svg.dataset.period);
  svg.querySelector(".left").setAttribute("stroke-dashoffset", String(RING * (1 - left / period)));
  svg.querySelector("text").textContent = `${left}s`;
  svg.setAttribute("aria-label", `valid ${left} more seconds`);
}

/**
 * Counts down each second; when a code runs out, the server is asked for fresh ones (and once a minute anyway, so
 * an HOTP-only preview also learns when it has expired: the server's clock decides that, not this browser's).
 */
function tick() {
  if (!enrolment) return;
  ticks += 1;
  let expired = ticks % 60 === 0;
  for (const svg of document.querySelectorAll("#accounts svg.ring")) {
    const left = Number(svg.dataset.left) - 1;
    svg.dataset.left = String(Math.max(left, 0));
    draw(svg);
    if (left <= 0) expired = true;
  }
  if (expired) refresh();
}

async function refresh() {
  if (refreshing || !enrolment) return;
  refreshing = true;
  try {
    show(await api.get(`${base(enrolmentCaller)}/${enrolment.id}`));
  } catch (error) {
    if (error.status === 404) {
      reset();
      say(message, "info", "This preview has expired (after 15 minutes) or was discarded: start again.");
    } else {
      say(message, "error", error.message, error);
    }
  } finally {
    refreshing = false;
  }
}

async function save(partial) {
  const caller = enrolmentCaller;
  const result = await api.post(`${base(caller)}/${enrolment.id}/save`, { partial });
  const names = (list) => list.flatMap((a, i) => [i ? ", " : "", isolated(a.issuer || a.label)]);
  const saved = names(result.saved);
  const skipped = names(result.skippedDuplicates);
  reset();
  say(message, "ok", [`Saved ${result.saved.length} account(s)`, saved.length ? ": " : "", saved, ".",
    skipped.length ? [" Already stored, skipped: ", skipped, "."] : []]);
  message.append(" ", el("a", { href: `caller.html?id=${caller}` }, "See the caller's accounts"));
}

async function discard(quietly) {
  const current = enrolment;
  const caller = enrolmentCaller;
  reset();
  if (!current) return;
  try {
    await api.del(`${base(caller)}/${current.id}`);
  } catch (error) {
    if (!quietly && error.status !== 404) throw error;
  }
}

function reset() {
  enrolment = null;
  clearInterval(ticker);
  $("#preview").hidden = true;
  $("#batch").hidden = true;
  $("#accounts").replaceChildren();
}

function image(file) {
  if (!file) return;
  if (!/^image\/(png|jpeg)$/.test(file.type)) {
    say(message, "error", `${file.name || "This file"} is not a PNG or JPEG image.`);
    return;
  }
  submit(file).catch((error) => say(message, "error", error.message, error));
}

async function startCamera() {
  if (!navigator.mediaDevices?.getUserMedia) {
    say(message, "error", "This browser cannot use a camera here (a camera needs HTTPS or localhost).");
    return;
  }
  $("#camera-start").hidden = true;
  $("#camera-stop").hidden = false;
  // the decoder loads while the camera starts; a browser that cannot run it still has the server's fallback
  const decoder = prepare().then(() => true, () => false);
  const scan = { handled: false, sending: false, stopped: false };
  const session = { scan, stream: null };
  camera = session;
  const stream = await navigator.mediaDevices.getUserMedia(
    { video: { facingMode: "environment", width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
  session.stream = stream;
  // stopped (or started again) while the browser asked for the camera
  if (scan.stopped || camera !== session) {
    stream.getTracks().forEach((track) => track.stop());
    return;
  }
  const video = el("video", { muted: true, playsinline: true, autoplay: true });
  video.muted = true;
  video.srcObject = stream;
  $("#camera-view").replaceChildren(video);
  await video.play();
  if (scan.stopped) return;
  // The browser's decoder reads most views within a second; a view it has not read within a few seconds (or every
  // view, in a browser that cannot run it) goes to the server as one JPEG frame, which says why it cannot read it.
  frameTimer = setInterval(() => sendFrame(scan), FRAME_AFTER_MS);
  const decoding = await decoder;
  if (scan.stopped) return;
  if (decoding) {
    look(scan, video);
  } else {
    say(message, "info", "This browser cannot run the QR decoder: camera frames go to the server every 4 seconds.");
  }
}

/**
 * The codes read in one view: the first as any scan; the others only while they complete an export it started
 * (a computer screen showing every code of a Google Authenticator export at once).
 */
async function submitAll(texts) {
  await submit(texts[0]);
  for (const text of texts.slice(1)) {
    if (!enrolment?.batch || enrolment.batch.complete) return;
    await submit(text);
  }
}

/** Reads camera frames in this browser, one at a time, until a QR code is read or the camera stops. */
async function look(scan, video) {
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  while (!scan.handled && !scan.stopped) {
    const started = performance.now();
    // while a frame is with the server, the browser does not submit a second reading of the same code
    if (video.videoWidth && !scan.sending) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0);
      let texts = [];
      try {
        texts = await readQrCodes(context.getImageData(0, 0, canvas.width, canvas.height));
      } catch {
        // a frame the decoder could not take: the next one
      }
      if (texts.length && !scan.handled && !scan.stopped && !scan.sending) {
        scan.handled = true;
        await stopCamera();
        try {
          await submitAll(texts);
        } catch (error) {
          say(message, "error", error.message, error);
        }
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, LOOK_EVERY_MS - (performance.now() - started))));
  }
}

/**
 * Sends the sharpest of a few camera frames to the server; on a refusal it keeps scanning and shows the server's
 * reason.
 */
async function sendFrame(scan) {
  const video = $("#camera-view video");
  if (scan.handled || scan.sending || !video || !video.videoWidth) return;
  scan.sending = true;
  try {
    let best = null;
    let bestScore = -1;
    for (let i = 0; i < 4 && !scan.handled; i += 1) {
      const canvas = document.createElement("canvas");
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      canvas.getContext("2d").drawImage(video, 0, 0);
      const score = sharpness(canvas);
      if (score > bestScore) {
        best = canvas;
        bestScore = score;
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    if (!best || scan.handled) return;
    const frame = await new Promise((resolve) => best.toBlob(resolve, "image/jpeg", 0.92));
    if (!frame || scan.handled) return;
    await submit(frame);
    scan.handled = true;
    await stopCamera();
    say(message, "info", "The server read the code in a camera frame.");
  } catch (error) {
    if (scan.handled) return;
    if (error.status === 400 || error.status === 503) {
      say(message, "info", `Still looking. The server could not read the last frame: ${error.message}`);
    } else {
      scan.handled = true;
      await stopCamera();
      say(message, "error", error.message, error);
    }
  } finally {
    scan.sending = false;
  }
}

/** How sharp a frame is: the mean squared difference between neighbouring pixels' green, on a 320 px copy. */
function sharpness(canvas) {
  const width = 320;
  const height = Math.max(1, Math.round(canvas.height * width / canvas.width));
  const small = document.createElement("canvas");
  small.width = width;
  small.height = height;
  const context = small.getContext("2d", { willReadFrequently: true });
  context.drawImage(canvas, 0, 0, width, height);
  const pixels = context.getImageData(0, 0, width, height).data;
  let sum = 0;
  for (let y = 0; y < height - 1; y += 1) {
    for (let x = 0; x < width - 1; x += 1) {
      const i = (y * width + x) * 4 + 1;
      const right = pixels[i] - pixels[i + 4];
      const down = pixels[i] - pixels[i + width * 4];
      sum += right * right + down * down;
    }
  }
  return sum / (width * height);
}

async function stopCamera() {
  clearInterval(frameTimer);
  frameTimer = null;
  if (camera) {
    camera.scan.stopped = true;
    camera.stream?.getTracks().forEach((track) => track.stop());
    camera = null;
  }
  $("#camera-view").replaceChildren();
  $("#camera-start").hidden = false;
  $("#camera-stop").hidden = true;
}

function setUp() {
  const form = $("#uri-form");
  form.addEventListener("submit", busy($("#uri-button"), message, async () => {
    await submit($("#uri").value.trim());
    form.reset();
  }));
  $("#image").addEventListener("change", (event) => {
    image(event.target.files[0]);
    event.target.value = "";
  });
  const zone = $("#dropzone");
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    image(event.dataTransfer.files[0]);
  });
  document.addEventListener("paste", (event) => {
    const file = [...(event.clipboardData?.files || [])].find((f) => f.type.startsWith("image/"));
    if (file) image(file);
  });
  $("#camera-start").addEventListener("click", () => startCamera().catch(async (error) => {
    await stopCamera();
    say(message, "error", `The camera did not start: ${error.message || error}`);
  }));
  $("#camera-stop").addEventListener("click", stopCamera);
  window.addEventListener("pagehide", stopCamera);
  $("#save").addEventListener("click", busy($("#save"), message, () => save(false)));
  $("#save-partial").addEventListener("click", busy($("#save-partial"), message, () => save(true)));
  $("#discard").addEventListener("click", busy($("#discard"), message, async () => {
    await discard(false);
    say(message, "info", "Discarded: nothing was stored.");
  }));
  $("#caller").addEventListener("change", () => discard(true));
  loadCallers().catch((error) => say(message, "error", error.message, error));
}

setUp();
