// The PNG renderer's name, apart from png.mjs so the Worker can build ETags without loading resvg and the fonts.

/** Names the pixels' producer: part of every ETag, so a renderer or font change is a new image. */
export const RENDERER = "resvg-wasm 2.6.2; Liberation Sans 1.07.4; DejaVu Sans 2.37";
