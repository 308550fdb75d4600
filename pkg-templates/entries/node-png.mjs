// impactCardPng for Node: the card's SVG (validated and sized by impactkit) rasterised by the optional
// peer dependency @resvg/resvg-js with the system fonts, as the impactkit-cards CLI does: resvg builds
// a font database for every call, so the system fonts are scanned once per process (cards-fonts.mjs)
// and resvg gets just the card's family when it covers the text, else all system fonts (same pixels).

function unsupported() {
  const error = new Error(
    "impactCardPng in Node needs the optional dependency @resvg/resvg-js: npm i @resvg/resvg-js " +
      "(or render impactCard's SVG yourself)",
  );
  error.code = "unsupported";
  error.path = "$";
  return error;
}

let fonts = null;

/** resvg's font options for `svg` (a URL import: the CommonJS bundle loads cards-fonts.mjs as is). */
async function fontOptions(svg) {
  fonts ??= import(new URL("./cards-fonts.mjs", import.meta.url)).then((m) => m.fontChooser());
  return (await fonts).optionsFor(svg);
}

/** `cardForPng(input)` → `[svg, width, height]` (throws impactkit's coded errors for bad input). */
export async function impactCardPngWithResvg(cardForPng, input) {
  const [svg, width] = cardForPng(input);
  let Resvg;
  try {
    ({ Resvg } = await import("@resvg/resvg-js"));
  } catch {
    throw unsupported();
  }
  const png = new Resvg(svg, { fitTo: { mode: "width", value: width }, font: await fontOptions(svg) }).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
