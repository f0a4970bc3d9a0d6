// The clock notice of the admin index page: how far this server's clock is from the voice provider's, from
// api/status. Shown only when it matters (beyond 5 s), as an error when callers would hear wrong codes.
import { api } from "./api.js";
import { $, say } from "./ui.js";

async function show() {
  const clock = (await api.get("api/status")).clock;
  if (!clock || !clock.warning) return;
  const box = $("#clock-status");
  say(box, clock.tooFar ? "error" : "info", clock.tooFar
    ? `This server's clock is ${clock.description}, more than ${clock.maxOffsetSeconds} s: it is not ready, and callers would hear wrong codes. Fix its time synchronisation (NTP).`
    : `This server's clock is ${clock.description}. Check its time synchronisation (NTP) before it reaches ${clock.maxOffsetSeconds} s.`);
  box.dataset.offsetSeconds = String(clock.offsetSeconds);
}

show().catch(() => { /* the page's own requests report a server that cannot be reached */ });
