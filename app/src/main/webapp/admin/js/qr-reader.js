// Reads QR codes in this browser: ZXing-C++ compiled to WebAssembly (vendor/zxing-wasm, see its README), loaded
// from this origin only, never from the package's default CDN. Only the texts leave this module.
import { prepareZXingModule, readBarcodes } from "../vendor/zxing-wasm/es/reader/index.js";

const WASM = new URL("../vendor/zxing-wasm/reader/zxing_reader.wasm", import.meta.url).href;

// What the server's decoder also does on photos: look harder, for light-on-dark codes, turned ones, in a scaled-down
// copy of a large frame, and for every code in the picture (an export shown as several codes).
const OPTIONS = {
  formats: ["QRCode"],
  tryHarder: true,
  tryInvert: true,
  tryRotate: true,
  tryDownscale: true,
  maxNumberOfSymbols: 8,
};

let ready = null;

/** Loads the WebAssembly module once; rejects (and may be tried again) if the browser cannot compile it. */
export function prepare() {
  if (!ready) {
    ready = prepareZXingModule({
      overrides: { locateFile: (path, prefix) => (path.endsWith(".wasm") ? WASM : prefix + path) },
      fireImmediately: true,
    }).catch((error) => {
      ready = null;
      throw error;
    });
  }
  return ready;
}

/** The texts of the QR codes read in an ImageData (a camera frame or a picture), in the decoder's order. */
export async function readQrCodes(imageData) {
  await prepare();
  const results = await readBarcodes(imageData, OPTIONS);
  return [...new Set(results.filter((r) => r.isValid && r.text).map((r) => r.text))];
}
