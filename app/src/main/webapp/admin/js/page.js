// What every admin page shares, so that each page's HTML holds only its own content: the header bar with the
// navigation (the page shown marked as current), then the server's status notices under it (status.js). Loaded
// first on every page, as a module of this origin (the pages' CSP allows no inline script).
import { el } from "./ui.js";
import { showStatus } from "./status.js";

const PAGES = [
  { href: "index.html", text: "Callers" },
  { href: "enrol.html", text: "Enrol", id: "nav-enrol" },
  { href: "phone.html", text: "Phone" },
];

function header() {
  const here = location.pathname.split("/").pop() || "index.html";
  const links = PAGES.map((page) => el("a", {
    href: page.href, id: page.id, "aria-current": page.href === here ? "page" : null,
  }, page.text));
  return el("header", { class: "bar" }, el("span", { class: "brand" }, "Landline Authenticator"), el("nav", {}, links));
}

document.body.prepend(header());
showStatus();
