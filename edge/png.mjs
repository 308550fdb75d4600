// PNG for the edge service: resvg compiled to wasm (@resvg/resvg-wasm, pinned) with the fonts shipped next to
// the Worker as data modules, never system fonts, so a card's pixels are the same on every machine.
import { Resvg, initWasm } from "@resvg/resvg-wasm";
import resvgWasm from "@resvg/resvg-wasm/index_bg.wasm";
import dejavuBold from "./fonts/DejaVuSans-Bold.ttf";
import dejavu from "./fonts/DejaVuSans.ttf";
import bold from "./fonts/LiberationSans-Bold.ttf";
import regular from "./fonts/LiberationSans-Regular.ttf";

export { RENDERER } from "./renderer.mjs";

/** resvg's options: the bundled fonts only (impactkit's card font stack names `Liberation Sans`). */
export const FONT_OPTIONS = {
  loadSystemFonts: false,
  defaultFontFamily: "Liberation Sans",
  sansSerifFamily: "Liberation Sans",
};

const latin = [new Uint8Array(regular), new Uint8Array(bold)];
// DejaVu Sans draws what Liberation lacks (Arabic, Hebrew: the `ar` cards); resvg falls back to it per glyph.
// Loaded only for SVGs that need it: resvg parses every font buffer on each render.
const withFallback = [...latin, new Uint8Array(dejavu), new Uint8Array(dejavuBold)];
const NEEDS_FALLBACK = /[^\u0000-\u052f\u1e00-\u1fff\u2000-\u22ff\u2500-\u25ff\ufb00-\ufb06\ufe00-\ufe0f\ufffd]/u;
let ready = null;

/** The font buffers for an SVG: Liberation Sans, plus DejaVu Sans when a character is outside Latin/Greek/Cyrillic. */
export const fontsFor = (svg) => (NEEDS_FALLBACK.test(svg) ? withFallback : latin);

/** The SVG as PNG bytes; `width` in pixels, or null for the SVG's own size. */
export async function renderPng(svg, width) {
  ready ??= initWasm(resvgWasm);
  await ready;
  const fitTo = width ? { mode: "width", value: width } : { mode: "original" };
  const resvg = new Resvg(svg, { fitTo, font: { ...FONT_OPTIONS, fontBuffers: fontsFor(svg) } });
  try {
    const image = resvg.render();
    const png = image.asPng();
    image.free();
    return png;
  } finally {
    resvg.free();
  }
}
