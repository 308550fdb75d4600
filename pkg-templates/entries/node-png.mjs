// impactCardPng for Node: the card's SVG (validated and sized by impactkit) rasterised by the optional
// peer dependency @resvg/resvg-js with the system fonts, as the impactkit-cards CLI does.

function unsupported() {
  const error = new Error(
    "impactCardPng in Node needs the optional dependency @resvg/resvg-js: npm i @resvg/resvg-js " +
      "(or render impactCard's SVG yourself)",
  );
  error.code = "unsupported";
  error.path = "$";
  return error;
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
  const png = new Resvg(svg, { fitTo: { mode: "width", value: width }, font: { loadSystemFonts: true } }).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
