// PNG for the edge service: resvg compiled to wasm (@resvg/resvg-wasm, pinned) with the fonts shipped next to
// the Worker as data modules, never system fonts, so a card's pixels are the same on every machine.
import { Resvg, initWasm } from "@resvg/resvg-wasm";
import resvgWasm from "@resvg/resvg-wasm/index_bg.wasm";
import bold from "./fonts/LiberationSans-Bold.ttf";
import regular from "./fonts/LiberationSans-Regular.ttf";

/** Names the pixels' producer: part of every ETag, so a renderer or font change is a new image. */
export const RENDERER = "resvg-wasm 2.6.2; Liberation Sans 1.07.4";

/** resvg's options: the bundled fonts only (impactkit's card font stack names `Liberation Sans`). */
export const FONT_OPTIONS = {
  loadSystemFonts: false,
  defaultFontFamily: "Liberation Sans",
  sansSerifFamily: "Liberation Sans",
};

const fonts = [new Uint8Array(regular), new Uint8Array(bold)];
let ready = null;

/** The SVG as PNG bytes; `width` in pixels, or null for the SVG's own size. */
export async function renderPng(svg, width) {
  ready ??= initWasm(resvgWasm);
  await ready;
  const fitTo = width ? { mode: "width", value: width } : { mode: "original" };
  const resvg = new Resvg(svg, { fitTo, font: { ...FONT_OPTIONS, fontBuffers: fonts } });
  try {
    const image = resvg.render();
    const png = image.asPng();
    image.free();
    return png;
  } finally {
    resvg.free();
  }
}
