// Small DOM helpers. Text always goes in as text (never innerHTML), so nothing from the server is interpreted.

/** el("td", {class: "x", dataset: {label: "Name"}}, "text", childNode …) */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export const $ = (selector, scope = document) => scope.querySelector(selector);

/**
 * A name someone typed or scanned (an issuer, a label), isolated from the text around it: a right-to-left override
 * in it turns only the name around, never the rest of the line.
 */
export const isolated = (text) => el("bdi", {}, text);

/**
 * Shows a message (kind: ok, error, info) in the element: a text, or a list of texts and nodes (such as isolated
 * names); an ApiError's field violations are listed.
 */
export function say(target, kind, text, error) {
  const box = typeof target === "string" ? $(target) : target;
  box.className = `message ${kind}`;
  box.replaceChildren(...[text].flat(Infinity));
  // each rejected field once, unless the main text already says it
  const plain = [text].flat(Infinity).map((part) => (part instanceof Node ? part.textContent : String(part))).join("");
  const violations = (error?.violations || []).filter((v) => !plain.includes(v.message));
  if (violations.length) {
    box.append(el("ul", {}, violations.map((v) => el("li", {}, `${v.field}: ${v.message}`))));
  }
  box.setAttribute("role", kind === "error" ? "alert" : "status");
}

export function clear(target) {
  const box = typeof target === "string" ? $(target) : target;
  box.replaceChildren();
}

export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

/** Runs an async action with the button disabled meanwhile; errors go to the message box. */
export function busy(button, box, action) {
  return async (event) => {
    event?.preventDefault();
    button.disabled = true;
    try {
      await action();
    } catch (error) {
      say(box, "error", error.message, error);
    } finally {
      button.disabled = false;
    }
  };
}

export function when(isoText) {
  if (!isoText) return "";
  const at = new Date(isoText);
  return Number.isNaN(at.getTime()) ? isoText : at.toLocaleString();
}
