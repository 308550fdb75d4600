//! `impactCardPng`: the card as PNG bytes, rendered by the browser itself
//! (SVG → `<img>` → `OffscreenCanvas` → PNG). Social networks do not accept
//! SVG previews; this needs no server and no font files.

use super::intl_tz::IntlZones;
use super::to_js_error;
use crate::error::{Error, ErrorCode, Result};
use crate::json::{value_from_text, Json};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The JS input (object or JSON text) read and rendered: `(svg, width, height)`.
fn prepare_js(input: &JsValue) -> Result<(String, f64, f64)> {
    let text = super::input_text(input)?;
    let value = value_from_text(&text)?;
    prepare(&Json::root(&value))
}

/// Reads `scale` (default 1, 0.25–4) and renders the SVG.
fn prepare(input: &Json) -> Result<(String, f64, f64)> {
    let scale = match input.opt("scale")? {
        Some(s) => {
            let x = s.number()?;
            if !(0.25..=4.0).contains(&x) {
                return Err(s.error(
                    ErrorCode::OutOfRange,
                    crate::error::Message::new("scale must be between 0.25 and 4, got ").num(x),
                ));
            }
            x
        }
        None => 1.0,
    };
    let card = crate::card::read_card(input, &IntlZones)?;
    let (w, h) = card.size.dimensions();
    Ok((card.render(), (w * scale).round(), (h * scale).round()))
}

/// Whether the host can rasterise in-process (a browser or a browser worker).
fn host_can_rasterise() -> bool {
    let global = js_sys::global();
    ["OffscreenCanvas", "Image"]
        .iter()
        .all(|name| js_sys::Reflect::has(&global, &JsValue::from_str(name)).unwrap_or(false))
}

fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

async fn rasterise(svg: String, width: f64, height: f64) -> std::result::Result<JsValue, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(&svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let image = web_sys::HtmlImageElement::new()?;
    image.set_src(&url);
    let decoded = JsFuture::from(image.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded?;
    let canvas = web_sys::OffscreenCanvas::new(width as u32, height as u32)?;
    let context: web_sys::OffscreenCanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| js_error("no 2d canvas context"))?
        .dyn_into()?;
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, width, height)?;
    let encode = web_sys::ImageEncodeOptions::new();
    encode.set_type("image/png");
    let png: web_sys::Blob = JsFuture::from(canvas.convert_to_blob_with_options(&encode)?)
        .await?
        .dyn_into()?;
    let bytes = JsFuture::from(png.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&bytes).into())
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
            "impactCardPng needs OffscreenCanvas and Image (a browser); in Node install \
             @resvg/resvg-js, elsewhere rasterise impactCard's SVG (e.g. with @resvg/resvg-wasm)",
        ))),
        Ok((svg, width, height)) => {
            wasm_bindgen_futures::future_to_promise(rasterise(svg, width, height))
        }
    }
}

/// `[svg, width, height]` of the card `impactCardPng` would draw (the same validation, `scale`
/// included): the Node entry rasterises it with `@resvg/resvg-js`. Not part of the typed API.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__cardForPng", skip_typescript)]
pub fn card_for_png(input: JsValue) -> std::result::Result<js_sys::Array, JsValue> {
    let (svg, width, height) = prepare_js(&input).map_err(to_js_error)?;
    Ok(js_sys::Array::of3(
        &JsValue::from_str(&svg),
        &JsValue::from_f64(width),
        &JsValue::from_f64(height),
    ))
}
