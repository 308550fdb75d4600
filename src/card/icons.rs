//! Built-in icons: short SVG paths on a 24×24 grid, filled, `evenodd`.
//!
//! Badge icon names from the backend (`seedling`, `tree`, …) map to these;
//! unknown names, URLs and anything else fall back to [`Icon::Medal`], so a
//! card never fetches anything.

/// A built-in icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// A sprouting seedling.
    Seedling,
    /// A fir tree.
    Tree,
    /// A leaf.
    Leaf,
    /// Two arrows in a circle.
    Recycle,
    /// Two chain links.
    Chain,
    /// A cup.
    Trophy,
    /// A five-pointed star.
    Star,
    /// A flame (streaks).
    Flame,
    /// The globe.
    Globe,
    /// A heart.
    Heart,
    /// A shield with a tick (carbon neutral, verified).
    Shield,
    /// A medal: the generic badge.
    Medal,
    /// A shopping bag (orders).
    Bag,
    /// A drop of water.
    Drop,
    /// A lightning bolt (energy).
    Bolt,
    /// A car (distance not driven).
    Car,
}

/// The backend names of each icon (lowercase, letters and digits only), groups separated by
/// `|` in [`Icon`] order (`Medal`, the fallback, is also every other name).
const NAMES: &str = "seedling sprout plant firstgreen|tree trees forest treesaver|\
leaf eco green nature|recycle recycling circular circularhero loop|\
chain link supplychain chainchampion|trophy cup champion winner|star favorite favourite|\
flame fire streak streakkeeper|globe earth planet world|heart love|\
shield check verified carbonneutral neutral|medal|bag shopping cart order orders|drop water|\
bolt energy lightning|car vehicle";

impl Icon {
    /// The icon for a backend icon name (case-insensitive, `-`/`_`/space agnostic); unknown → [`Icon::Medal`].
    ///
    /// ```
    /// use impactkit::card::icons::Icon;
    /// assert_eq!(Icon::named("seedling"), Icon::Seedling);
    /// assert_eq!(Icon::named("Carbon-Neutral"), Icon::Shield);
    /// assert_eq!(Icon::named("https://cdn.example/x.png"), Icon::Medal);
    /// ```
    pub fn named(name: &str) -> Icon {
        let key: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        // A table scanned in a loop: a `match` on 55 strings compiled to ~1 KB of comparisons.
        let found = crate::text::pieces(NAMES, b'|')
            .position(|group| group.split_ascii_whitespace().any(|n| n == key));
        found
            .and_then(|i| Icon::ALL.get(i).copied())
            .unwrap_or(Icon::Medal)
    }

    /// Every icon, in [`NAMES`] order.
    const ALL: [Icon; 16] = [
        Icon::Seedling,
        Icon::Tree,
        Icon::Leaf,
        Icon::Recycle,
        Icon::Chain,
        Icon::Trophy,
        Icon::Star,
        Icon::Flame,
        Icon::Globe,
        Icon::Heart,
        Icon::Shield,
        Icon::Medal,
        Icon::Bag,
        Icon::Drop,
        Icon::Bolt,
        Icon::Car,
    ];

    /// The path data (24×24 grid).
    ///
    /// ```
    /// assert!(impactkit::card::icons::Icon::Tree.path().starts_with('M'));
    /// ```
    pub fn path(self) -> &'static str {
        match self {
            Icon::Seedling => "M11 22v-8.1C7.2 14 4 11.4 3.6 6.2 7.9 5.9 11 8.3 11.7 12 12.4 7.3 15.7 4.2 20.6 4.3 20.5 9.8 17.3 13.2 13 13.5V22z",
            Icon::Tree => "M12 1.5 4.8 11h2.9L3.8 16.6H11V22h2v-5.4h7.2L16.3 11h2.9z",
            Icon::Leaf => "M4.6 20.8 3.2 19.4l2.3-2.3C3.6 10.2 8.5 3.8 20.6 3.4 20.5 15.3 14.3 20.3 7.2 18.7zM7 16.9C10 13.4 12.9 10.6 16.3 8.1 12.5 9.5 9.4 12.2 7 16.9z",
            Icon::Recycle => "M12 3.5a8.5 8.5 0 0 1 7.6 4.7H22l-3.8 4.5-3.8-4.5h2.8a6.2 6.2 0 0 0-11.1.4L4 7.5A8.5 8.5 0 0 1 12 3.5zm0 17a8.5 8.5 0 0 1-7.6-4.7H2l3.8-4.5 3.8 4.5H6.8a6.2 6.2 0 0 0 11.1-.4l2.1 1.1a8.5 8.5 0 0 1-8 4z",
            Icon::Chain => "M9.9 14.1a4 4 0 0 1 0-5.7l3-3a4 4 0 0 1 5.7 5.7l-1.5 1.5-1.4-1.4 1.5-1.5a2 2 0 0 0-2.9-2.9l-3 3a2 2 0 0 0 0 2.9zm4.2-4.2a4 4 0 0 1 0 5.7l-3 3a4 4 0 0 1-5.7-5.7l1.5-1.5 1.4 1.4-1.5 1.5a2 2 0 0 0 2.9 2.9l3-3a2 2 0 0 0 0-2.9z",
            Icon::Trophy => "M7 2.5h10v2h4V8a4 4 0 0 1-4.3 4A5 5 0 0 1 13 15v3h4v3.5H7V18h4v-3a5 5 0 0 1-3.7-3A4 4 0 0 1 3 8V4.5h4zM5 6.5V8a2 2 0 0 0 2 2V6.5zm14 0h-2V10a2 2 0 0 0 2-2z",
            Icon::Star => "M12 2l3 6.5 7 .8-5.2 4.8 1.4 7L12 17.6 5.8 21.1l1.4-7L2 9.3l7-.8z",
            Icon::Flame => "M12.5 1.5c.8 4 6.5 6.3 6.5 12.5a7 7 0 0 1-14 0c0-3.3 1.6-5.3 3.4-6.9-.1 2.4 1 3.9 2.3 4.2C10.4 8.2 10 4.6 12.5 1.5zM12 14c-1.7 1.6-2.5 3-2.5 4.4a2.5 2.5 0 0 0 5 0c0-1.4-.8-2.8-2.5-4.4z",
            Icon::Globe => "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2.2c1.2 1.5 2.1 4 2.3 6.8H9.7C9.9 8.2 10.8 5.7 12 4.2zM4.3 11a7.9 7.9 0 0 1 4.9-6.3 15 15 0 0 0-1.5 6.3zm0 2h3.4a15 15 0 0 0 1.5 6.3A7.9 7.9 0 0 1 4.3 13zm5.4 0h4.6c-.2 2.8-1.1 5.3-2.3 6.8-1.2-1.5-2.1-4-2.3-6.8zm6.6 0h3.4a7.9 7.9 0 0 1-4.9 6.3 15 15 0 0 0 1.5-6.3zm3.4-2h-3.4a15 15 0 0 0-1.5-6.3 7.9 7.9 0 0 1 4.9 6.3z",
            Icon::Heart => "M12 21.2 3.6 12.8a5.3 5.3 0 0 1 7.5-7.5l.9.9.9-.9a5.3 5.3 0 0 1 7.5 7.5z",
            Icon::Shield => "M12 1.8 3.8 5v6.1c0 5.1 3.5 9.6 8.2 11.1 4.7-1.5 8.2-6 8.2-11.1V5zm-1.3 14.6L6.8 12.5l1.5-1.5 2.4 2.4 5-5 1.5 1.5z",
            Icon::Medal => "M7 1.5h3.2L12 5.6l1.8-4.1H17l-2.6 6A7 7 0 1 1 9.6 7.5zM12 10.2l-1.3 2.7-3 .4 2.2 2.1-.5 2.9 2.6-1.4 2.6 1.4-.5-2.9 2.2-2.1-3-.4z",
            Icon::Bag => "M4.5 7.5h15l-1 14h-13zm4-.5V6a3.5 3.5 0 0 1 7 0v1h-2V6a1.5 1.5 0 0 0-3 0v1z",
            Icon::Drop => "M12 1.8c3.3 4.8 7.3 8.6 7.3 13a7.3 7.3 0 0 1-14.6 0c0-4.4 4-8.2 7.3-13z",
            Icon::Bolt => "M13.5 1.5 4 13.5h6.5L9.5 22.5 20 9.5h-6.7z",
            Icon::Car => "M2.5 11.5 4.8 6a2 2 0 0 1 1.8-1.2h10.8A2 2 0 0 1 19.2 6l2.3 5.5v7h-2.2a2.3 2.3 0 0 1-4.6 0H9.3a2.3 2.3 0 0 1-4.6 0H2.5zm3.2-.5h12.6l-1.6-4H7.3zM6 15.5a1.5 1.5 0 1 0 0-.1zm12 0a1.5 1.5 0 1 0 0-.1z",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Icon;

    /// Every backend name of each icon (the `match` [`NAMES`] replaced), in any case and spelling.
    #[test]
    fn names_map_to_their_icons() {
        let groups: [(&[&str], Icon); 16] = [
            (
                &["seedling", "sprout", "plant", "first-green"],
                Icon::Seedling,
            ),
            (&["tree", "trees", "forest", "tree_saver"], Icon::Tree),
            (&["leaf", "eco", "green", "nature"], Icon::Leaf),
            (
                &["recycle", "recycling", "circular", "circular hero", "loop"],
                Icon::Recycle,
            ),
            (
                &["chain", "link", "supply-chain", "chainChampion"],
                Icon::Chain,
            ),
            (&["trophy", "cup", "champion", "winner"], Icon::Trophy),
            (&["star", "favorite", "favourite"], Icon::Star),
            (&["flame", "fire", "streak", "Streak Keeper"], Icon::Flame),
            (&["globe", "earth", "planet", "world"], Icon::Globe),
            (&["heart", "love"], Icon::Heart),
            (
                &["shield", "check", "verified", "Carbon-Neutral", "neutral"],
                Icon::Shield,
            ),
            (
                &[
                    "medal",
                    "",
                    "-",
                    "badge",
                    "https://cdn.example/x.png",
                    "tree saver x",
                ],
                Icon::Medal,
            ),
            (&["bag", "shopping", "cart", "order", "ORDERS"], Icon::Bag),
            (&["drop", "water"], Icon::Drop),
            (&["bolt", "energy", "lightning"], Icon::Bolt),
            (&["car", "vehicle"], Icon::Car),
        ];
        for (names, icon) in groups {
            for name in names {
                assert_eq!(Icon::named(name), icon, "{name:?}");
            }
        }
        for not_a_name in ["see dling x", "treess", "tre", "cars", "seedling tree"] {
            assert_eq!(Icon::named(not_a_name), Icon::Medal, "{not_a_name:?}");
        }
    }
}
