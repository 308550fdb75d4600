//! `impactCardPng`: the card as PNG bytes, rendered by the browser itself
//! (SVG → `<img>` → `OffscreenCanvas` → PNG). Social networks do not accept
//! SVG previews; this needs no server and no font files.

use super::intl_tz::IntlZones;
use super::to_js_error;
use crate::card::png::CardForPng;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{value_from_text, Json};
use wasm_bindgen::prelude::*;

/// The JS input (object or JSON text) read and rendered ([`crate::card::png::card_for_png`]).
fn prepare_js(input: &JsValue) -> Result<CardForPng> {
    let text = super::input_text(input)?;
    let value = value_from_text(&text)?;
    crate::card::png::card_for_png(&Json::root(&value), &IntlZones)
}

#[wasm_bindgen(inline_js = r#"
// Whether the host can rasterise in-process (a browser or a browser worker).
export function canRasterise() {
  return "OffscreenCanvas" in globalThis && "Image" in globalThis;
}
// SVG → <img> → OffscreenCanvas → PNG bytes (in JS: the same steps through web-sys and
// wasm-bindgen-futures cost the cards module ~2.5 KB gzip).
export async function rasterise(svg, width, height) {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } finally {
    URL.revokeObjectURL(url);
  }
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2d canvas context");
  context.drawImage(image, 0, 0, width, height);
  const png = await canvas.convertToBlob({ type: "image/png" });
  return new Uint8Array(await png.arrayBuffer());
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = canRasterise)]
    fn host_can_rasterise() -> bool;
    /// Resolves to the PNG bytes of `svg` drawn at `width` × `height` px.
    fn rasterise(svg: &str, width: f64, height: f64) -> js_sys::Promise;
}

/// The card as PNG bytes (`{...impactCard input, scale?}`, scale 0.25–4): drawn by the browser
/// (`OffscreenCanvas`); in Node by `@resvg/resvg-js` when installed; elsewhere, or without it, the
/// promise rejects with code `unsupported`. Input errors reject with the usual `code` / `path`.
/// @example
/// const png = await impactCardPng({ profile, size: "og", scale: 2 }); // Uint8Array, 2400×1260
#[wasm_bindgen(
    js_name = "impactCardPng",
    unchecked_return_type = "Promise<Uint8Array>"
)]
pub fn impact_card_png(
    #[wasm_bindgen(unchecked_param_type = "ImpactCardPngInput | string")] input: JsValue,
) -> js_sys::Promise {
    match prepare_js(&input) {
        Err(error) => js_sys::Promise::reject(&to_js_error(error)),
        Ok(_) if !host_can_rasterise() => js_sys::Promise::reject(&to_js_error(Error::new(
            ErrorCode::Unsupported,
            "$",
            crate::card::png::NO_RASTERISER,
        ))),
        Ok(card) => rasterise(&card.svg, card.width, card.height),
    }
}

/// `[svg, width, height]` of the card `impactCardPng` would draw (the same validation, `scale`
/// included): the Node entry rasterises it with `@resvg/resvg-js`. Not part of the typed API.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__cardForPng", skip_typescript)]
pub fn card_for_png(input: JsValue) -> std::result::Result<js_sys::Array, JsValue> {
    let card = prepare_js(&input).map_err(to_js_error)?;
    Ok(js_sys::Array::of3(
        &JsValue::from_str(&card.svg),
        &JsValue::from_f64(card.width),
        &JsValue::from_f64(card.height),
    ))
}
