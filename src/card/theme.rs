//! Colour themes: `light`, `dark`, `auto` (both, switched by
//! `prefers-color-scheme` inside the SVG) and custom `{base, accent, background, text}`.

use super::color::Color;
use crate::error::{ErrorCode, Result};
use crate::json::Json;

/// What a fill is for; `auto` cards switch each role's colour with CSS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Card background.
    Background,
    /// Panels and pills on the background.
    Surface,
    /// Main text.
    Text,
    /// Secondary text.
    Muted,
    /// The headline number.
    Base,
    /// Progress bar, icons, highlights.
    Accent,
    /// The empty part of the progress bar.
    Track,
    /// Text and icons drawn on `Accent`.
    OnAccent,
    /// The streak flame.
    Flame,
}

impl Role {
    /// Every role, in palette order.
    ///
    /// ```
    /// assert_eq!(impactkit::card::theme::Role::ALL.len(), 9);
    /// ```
    pub const ALL: [Role; 9] = [
        Role::Background,
        Role::Surface,
        Role::Text,
        Role::Muted,
        Role::Base,
        Role::Accent,
        Role::Track,
        Role::OnAccent,
        Role::Flame,
    ];

    /// The CSS class of this role in `auto` cards.
    ///
    /// ```
    /// assert_eq!(impactkit::card::theme::Role::Background.class(), "ik-bg");
    /// ```
    pub fn class(self) -> &'static str {
        match self {
            Role::Background => "ik-bg",
            Role::Surface => "ik-su",
            Role::Text => "ik-tx",
            Role::Muted => "ik-mu",
            Role::Base => "ik-ba",
            Role::Accent => "ik-ac",
            Role::Track => "ik-tr",
            Role::OnAccent => "ik-on",
            Role::Flame => "ik-fl",
        }
    }
}

/// One colour per [`Role`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Colours in [`Role::ALL`] order.
    pub colors: [Color; 9],
}

impl Palette {
    /// The colour of a role.
    ///
    /// ```
    /// use impactkit::card::theme::{Palette, Role};
    /// assert_eq!(Palette::LIGHT.get(Role::Accent).hex(), "#15803d");
    /// ```
    pub fn get(&self, role: Role) -> Color {
        // `Role::ALL` lists the roles in declaration order: a role's index is its discriminant.
        self.colors
            .get(role as usize)
            .copied()
            .unwrap_or(Color::rgb(0, 0, 0))
    }

    /// The built-in light palette.
    ///
    /// ```
    /// use impactkit::card::theme::{Palette, Role};
    /// let p = Palette::LIGHT;
    /// assert!(p.get(Role::Muted).contrast(p.get(Role::Background)) >= 4.5);
    /// ```
    pub const LIGHT: Palette = Palette {
        colors: [
            Color::rgb(0xf3, 0xf9, 0xf5), // background
            Color::rgb(0xff, 0xff, 0xff), // surface
            Color::rgb(0x10, 0x28, 0x1b), // text
            Color::rgb(0x45, 0x5b, 0x4e), // muted
            Color::rgb(0x14, 0x5c, 0x30), // base
            Color::rgb(0x15, 0x80, 0x3d), // accent
            Color::rgb(0xd3, 0xe7, 0xda), // track
            Color::rgb(0xff, 0xff, 0xff), // on accent
            Color::rgb(0xc2, 0x41, 0x0c), // flame
        ],
    };

    /// The built-in dark palette.
    ///
    /// ```
    /// use impactkit::card::theme::{Palette, Role};
    /// let p = Palette::DARK;
    /// assert!(p.get(Role::Accent).contrast(p.get(Role::Surface)) >= 4.5);
    /// ```
    pub const DARK: Palette = Palette {
        colors: [
            Color::rgb(0x0b, 0x19, 0x11),
            Color::rgb(0x15, 0x29, 0x1e),
            Color::rgb(0xea, 0xf6, 0xee),
            Color::rgb(0xa8, 0xc3, 0xb2),
            Color::rgb(0x86, 0xef, 0xac),
            Color::rgb(0x4a, 0xde, 0x80),
            Color::rgb(0x26, 0x42, 0x31),
            Color::rgb(0x05, 0x2e, 0x16),
            Color::rgb(0xfb, 0x92, 0x3c),
        ],
    };

    /// A palette from custom colours; unspecified ones come from [`Palette::LIGHT`].
    ///
    /// ```
    /// use impactkit::card::{color::Color, theme::{Palette, Role}};
    /// let p = Palette::custom(None, Some(Color::rgb(0, 0, 255)), Some(Color::rgb(0, 0, 0)), Some(Color::rgb(255, 255, 255)));
    /// assert_eq!(p.get(Role::Accent).hex(), "#0000ff");
    /// assert_eq!(p.get(Role::OnAccent).hex(), "#ffffff");
    /// ```
    pub fn custom(
        base: Option<Color>,
        accent: Option<Color>,
        background: Option<Color>,
        text: Option<Color>,
    ) -> Palette {
        let light = Palette::LIGHT;
        let bg = background.unwrap_or(light.get(Role::Background));
        let tx = text.unwrap_or(light.get(Role::Text));
        let accent = accent.unwrap_or(light.get(Role::Accent));
        let white = Color::rgb(255, 255, 255);
        let black = Color::rgb(0, 0, 0);
        let on = if white.contrast(accent) >= black.contrast(accent) {
            white
        } else {
            black
        };
        Palette {
            colors: [
                bg,
                bg.mix(tx, 0.06),
                tx,
                tx.mix(bg, 0.25),
                base.unwrap_or(tx),
                accent,
                bg.mix(tx, 0.14),
                on,
                accent,
            ],
        }
    }
}

/// A card's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Colours written as attributes (and used by rasterisers without CSS media queries).
    pub main: Palette,
    /// For `auto`: colours applied under `prefers-color-scheme: dark`.
    pub dark: Option<Palette>,
}

impl Theme {
    /// Reads the optional `theme` field: `"light"` (default), `"dark"`, `"auto"`
    /// or `{base?, accent?, background?, text?}` in CSS colour syntax.
    ///
    /// ```
    /// let v = serde_json::json!({"theme": {"accent": "url(#x)"}});
    /// let v = impactkit::json::Node::from(&v);
    /// let e = impactkit::card::theme::Theme::from_json(&impactkit::json::Json::root(&v)).unwrap_err();
    /// assert_eq!((e.code.as_str(), e.path.as_str()), ("invalid_color", "$.theme.accent"));
    /// ```
    pub fn from_json(input: &Json) -> Result<Theme> {
        let Some(field) = input.opt("theme")? else {
            return Ok(Theme {
                main: Palette::LIGHT,
                dark: None,
            });
        };
        if field.value().is_string() {
            return Ok(match field.one_of(&["light", "dark", "auto"])? {
                1 => Theme {
                    main: Palette::DARK,
                    dark: None,
                },
                2 => Theme {
                    main: Palette::LIGHT,
                    dark: Some(Palette::DARK),
                },
                _ => Theme {
                    main: Palette::LIGHT,
                    dark: None,
                },
            });
        }
        if !field.value().is_object() {
            return Err(field.error(
                ErrorCode::InvalidType,
                "expected \"light\", \"dark\", \"auto\" or {base, accent, background, text}",
            ));
        }
        let color = |key: &str| -> Result<Option<Color>> {
            field.opt(key)?.map(|c| Color::from_json(&c)).transpose()
        };
        Ok(Theme {
            main: Palette::custom(
                color("base")?,
                color("accent")?,
                color("background")?,
                color("text")?,
            ),
            dark: None,
        })
    }
}

/// Tier colours (fill behind a white icon), by tier index Bronze, Silver, Gold, Platinum.
///
/// ```
/// use impactkit::card::{color::Color, theme::TIER_COLORS};
/// assert!(TIER_COLORS.iter().all(|c| Color::rgb(255, 255, 255).contrast(*c) >= 3.0));
/// ```
pub const TIER_COLORS: [Color; 4] = [
    Color::rgb(0xa0, 0x5a, 0x2c),
    Color::rgb(0x6b, 0x77, 0x85),
    Color::rgb(0x9a, 0x6f, 0x09),
    Color::rgb(0x3d, 0x6a, 0x7d),
];

/// Opacity of the white highlight disc drawn over a badge medallion, under its icon.
pub const MEDAL_HIGHLIGHT: f64 = 0.16;

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG AA: every text role on every surface it is drawn on, ≥ 4.5:1.
    #[test]
    fn built_in_themes_have_text_contrast_of_at_least_4_5() {
        for (name, p) in [("light", Palette::LIGHT), ("dark", Palette::DARK)] {
            for text in [Role::Text, Role::Muted, Role::Base, Role::Accent] {
                for ground in [Role::Background, Role::Surface] {
                    let ratio = p.get(text).contrast(p.get(ground));
                    assert!(
                        ratio >= 4.5,
                        "{name}: {text:?} on {ground:?} is {ratio:.2}:1"
                    );
                }
            }
            let ratio = p.get(Role::OnAccent).contrast(p.get(Role::Accent));
            assert!(ratio >= 4.5, "{name}: on-accent is {ratio:.2}:1");
        }
    }

    /// Non-text marks (icons on tier medallions, the flame) need 3:1 (WCAG 1.4.11).
    #[test]
    fn icons_have_graphics_contrast_of_at_least_3() {
        let white = Color::rgb(255, 255, 255);
        for tier in TIER_COLORS {
            assert!(white.contrast(tier) >= 3.0, "{}", tier.hex());
        }
        for p in [Palette::LIGHT, Palette::DARK] {
            assert!(p.get(Role::Flame).contrast(p.get(Role::Surface)) >= 3.0);
        }
    }

    /// The badge icon sits on the medallion under its white highlight disc: the icon needs 3:1
    /// against that blend, for tier medallions (white icon) and untiered ones (on-accent icon).
    #[test]
    fn medal_icons_have_graphics_contrast_of_at_least_3_under_the_highlight() {
        let white = Color::rgb(255, 255, 255);
        let mut medals: Vec<(Color, Color)> = TIER_COLORS.iter().map(|t| (*t, white)).collect();
        for p in [Palette::LIGHT, Palette::DARK] {
            medals.push((p.get(Role::Accent), p.get(Role::OnAccent)));
        }
        for (fill, ink) in medals {
            let lit = fill.mix(white, MEDAL_HIGHLIGHT);
            let ratio = ink.contrast(lit).min(ink.contrast(fill));
            assert!(
                ratio >= 3.0,
                "{} icon on {}: {ratio:.2}:1",
                ink.hex(),
                fill.hex()
            );
        }
    }

    /// Progress bars: the filled part against the empty track, and the accent marks (icons,
    /// bar, flame) against every ground they are drawn on, ≥ 3:1 (WCAG 1.4.11).
    #[test]
    fn built_in_themes_have_bar_and_icon_contrast_of_at_least_3() {
        for (name, p) in [("light", Palette::LIGHT), ("dark", Palette::DARK)] {
            let pairs = [
                (Role::Accent, Role::Track),
                (Role::Accent, Role::Background),
                (Role::Accent, Role::Surface),
                (Role::Flame, Role::Background),
                (Role::Flame, Role::Surface),
            ];
            for (mark, ground) in pairs {
                let ratio = p.get(mark).contrast(p.get(ground));
                assert!(
                    ratio >= 3.0,
                    "{name}: {mark:?} on {ground:?} is {ratio:.2}:1"
                );
            }
        }
    }

    /// `Palette::get` indexes colours by a role's discriminant: `Role::ALL` must list them in order.
    #[test]
    fn roles_are_listed_in_declaration_order() {
        for (i, role) in Role::ALL.into_iter().enumerate() {
            assert_eq!(role as usize, i, "{role:?}");
        }
    }

    #[test]
    fn auto_uses_light_attributes_and_dark_css() {
        let v = serde_json::json!({"theme": "auto"});
        let t = Theme::from_json(&Json::root(&crate::json::Node::from(&v))).unwrap_or(Theme {
            main: Palette::DARK,
            dark: None,
        });
        assert_eq!((t.main, t.dark), (Palette::LIGHT, Some(Palette::DARK)));
    }
}
