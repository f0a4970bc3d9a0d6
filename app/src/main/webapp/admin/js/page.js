// What every admin page shares, so that each page's HTML holds only its own content: the header bar with the
// navigation (the page shown marked as current), then the server's status notices under it (status.js). Loaded
// first on every page, as a module of this origin (the pages' CSP allows no inline script).
// The status notices must not depend on the header: the "webhooks unsigned" banner is a security warning. So this
// module imports nothing statically (a failed import would stop it before it runs): the header is built with the
// plain DOM, synchronously (before the page's own module runs, which may set links in it), in a try; status.js is
// loaded and shown in its finally, under the header if there is one, else at the top of the page.

const PAGES = [
  { href: "index.html", text: "Callers" },
  { href: "enrol.html", text: "Enrol", id: "nav-enrol" },
  { href: "phone.html", text: "Phone" },
];

function header() {
  const here = location.pathname.split("/").pop() || "index.html";
  const bar = document.createElement("header");
  bar.className = "bar";
  const brand = document.createElement("span");
  brand.className = "brand";
  brand.textContent = "Landline Authenticator";
  const nav = document.createElement("nav");
  for (const page of PAGES) {
    const link = document.createElement("a");
    link.href = page.href;
    link.textContent = page.text;
    if (page.id) link.id = page.id;
    if (page.href === here) link.setAttribute("aria-current", "page");
    nav.append(link);
  }
  bar.append(brand, nav);
  return bar;
}

try {
  document.body.prepend(header());
} catch (error) {
  console.error("The admin header could not be built", error);
} finally {
  const { showStatus } = await import("./status.js");
  await showStatus();
}
