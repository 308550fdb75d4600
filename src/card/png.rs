//! What `impactCardPng` draws: the card's SVG and its size in pixels, read and checked once for
//! every host that rasterises it (the browser's canvas, `@resvg/resvg-js` in Node).

use crate::error::{Error, ErrorCode, Result};
use crate::json::{Json, JsonWriter, ToJson};
use crate::time::ZoneDb;

/// Why a host without a rasteriser refuses `impactCardPng` (`unsupported` at `$`).
pub const NO_RASTERISER: &str =
    "impactCardPng needs OffscreenCanvas and Image (a browser); in Node install \
     @resvg/resvg-js, elsewhere rasterise impactCard's SVG (e.g. with @resvg/resvg-wasm)";

/// A card to rasterise, written as the JSON array `[svg, width, height]`.
#[derive(Debug, Clone, PartialEq)]
pub struct CardForPng {
    /// The card (`impactCard`'s SVG).
    pub svg: String,
    /// Width in pixels: the size's width × `scale`, rounded.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
}

impl ToJson for CardForPng {
    fn write_json(&self, out: &mut JsonWriter) {
        // Whole pixels (`round`ed, 100–7,680): written as integers, without the double writer.
        out.begin_array();
        out.element(&self.svg);
        out.element(&(self.width as u32));
        out.element(&(self.height as u32));
        out.end_array();
    }
}

/// Reads `{...impactCard input, scale?}` (`scale` 0.25–4, default 1) and renders the SVG.
///
/// # Errors
/// Those of `impactCard`; `out_of_range` at `$.scale`; `unsupported` at `$.credential` (a raster
/// would drop the baked credential).
///
/// # Example
/// ```
/// use impactkit::json::{Json, Node};
/// let v = serde_json::json!({"profile": {"totalCo2Saved": 248.5, "totalOrders": 15}, "size": "og", "scale": 0.5});
/// let card = impactkit::card::png::card_for_png(&Json::root(&Node::from(&v)), &impactkit::time::TzDatabase).unwrap();
/// assert_eq!((card.width, card.height), (600.0, 315.0));
/// ```
pub fn card_for_png(input: &Json, zones: &dyn ZoneDb) -> Result<CardForPng> {
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
    let card = super::read_card(input, zones)?;
    if card.credential.is_some() {
        // A raster drops the SVG's <openbadges:credential>: refuse rather than lose it.
        return Err(Error::new(
            ErrorCode::Unsupported,
            "$.credential",
            "impactCardPng does not bake Open Badges credentials: bake the SVG (impactCard)",
        ));
    }
    let (w, h) = card.size.dimensions();
    Ok(CardForPng {
        svg: card.render(),
        width: (w * scale).round(),
        height: (h * scale).round(),
    })
}
