//! Badge definitions as data: id, name, description, icon, tiers (each with a
//! rule), and optional validity, limits and expiry.

use super::rules::Rule;
use super::validity::{Expiry, Limits, Validity};
use crate::error::{ErrorCode, Result};
use crate::json::Json;
use crate::time::Zone;

/// One tier of a badge and the rule that earns it.
#[derive(Debug, Clone, PartialEq)]
pub struct TierRule {
    /// Tier name: `BRONZE`, `SILVER`, `GOLD`, `PLATINUM` or a programme's own.
    pub tier: String,
    /// What earns it.
    pub rule: Rule,
}

/// A badge definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Definition {
    /// `badge_first_green`, …
    pub id: String,
    /// Display name.
    pub name: String,
    /// Description, if any.
    pub description: Option<String>,
    /// Icon name or URL, if any.
    pub icon: Option<String>,
    /// Tiers from lowest to highest (at least one).
    pub tiers: Vec<TierRule>,
    /// When it can be earned (default: always).
    pub validity: Validity,
    /// Earn limits (default: none).
    pub limits: Limits,
    /// When an earned badge expires (default: never).
    pub expiry: Expiry,
}

impl Definition {
    /// Reads `{id, name, description?, icon?, tiers: [{tier, rule}], validity?, limits?, expiry?}`.
    ///
    /// ```
    /// use impactkit::{badges::definition::Definition, json::Json, time::Zone};
    /// let v = serde_json::json!({"id": "badge_circular_hero", "name": "Circular Hero", "tiers": [
    ///   {"tier": "GOLD", "rule": {"kind": "count", "where": {"recycledShare": {"gt": 0.5}}, "target": 10}}]});
    /// let v = impactkit::json::Node::from(&v);
    /// let d = Definition::from_json(&Json::root(&v), &Zone::utc()).unwrap();
    /// assert_eq!(d.tiers[0].tier, "GOLD");
    /// ```
    pub fn from_json(input: &Json, zone: &Zone) -> Result<Definition> {
        let tiers_json = input.field("tiers")?;
        let tiers = read_tiers(&tiers_json)?;
        if tiers.is_empty() {
            return Err(tiers_json.error(ErrorCode::OutOfRange, "a badge needs at least one tier"));
        }
        Ok(Definition {
            id: input.field("id")?.id()?,
            name: input.field("name")?.str()?.to_owned(),
            description: input.opt_text("description")?,
            icon: input.opt_text("icon")?,
            tiers,
            validity: match input.opt("validity")? {
                Some(v) => Validity::from_json(&v, zone)?,
                None => Validity::default(),
            },
            limits: match input.opt("limits")? {
                Some(l) => Limits::from_json(&l)?,
                None => Limits::default(),
            },
            expiry: match input.opt("expiry")? {
                Some(e) => Expiry::from_json(&e, zone)?,
                None => Expiry::Never,
            },
        })
    }

    /// The index of tier `name`, if the badge has it.
    ///
    /// ```
    /// let tree_saver = &impactkit::badges::catalogue::builtin()[1];
    /// assert_eq!(tree_saver.tier_index("SILVER"), Some(1));
    /// assert_eq!(tree_saver.tier_index("PLATINUM"), None);
    /// ```
    pub fn tier_index(&self, name: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t.tier == name)
    }
}

/// Reads `[{tier, rule}]`. A repeated tier name is reported before anything
/// invalid that follows it (a tier's name is read before its rule).
fn read_tiers(list: &Json) -> Result<Vec<TierRule>> {
    let mut names: Vec<String> = Vec::new();
    let mut tiers: Vec<TierRule> = Vec::new();
    let mut invalid = None;
    for item in list.items()? {
        let read = item.field("tier").and_then(|n| {
            names.push(n.str()?.to_owned());
            Rule::from_json(&item.field("rule")?)
        });
        match read {
            Ok(rule) => tiers.push(TierRule {
                tier: names.last().cloned().unwrap_or_default(),
                rule,
            }),
            Err(e) => {
                invalid = Some(e);
                break;
            }
        }
    }
    if let Some(i) = crate::unique::first_repeat(&mut names.iter().map(String::as_str)) {
        let name = names.get(i).map(String::as_str).unwrap_or_default();
        if let Some(item) = list.items()?.nth(i) {
            return Err(item.field("tier")?.error(
                ErrorCode::Duplicate,
                crate::error::Message::new("tier ")
                    .user(name)
                    .text(" is listed twice"),
            ));
        }
    }
    invalid.map_or(Ok(tiers), Err)
}

/// Reads a definition list; two with one id are a `duplicate` error.
///
/// ```
/// use impactkit::{badges::definition::read_definitions, json::Json, time::Zone};
/// let badge = serde_json::json!({"id": "b", "name": "B", "tiers": [{"tier": "GOLD", "rule": {"kind": "count", "target": 2}}]});
/// let v = serde_json::json!([badge.clone(), badge]);
/// let v = impactkit::json::Node::from(&v);
/// let e = read_definitions(&Json::root(&v), &Zone::utc()).unwrap_err();
/// assert_eq!((e.code.as_str(), e.path.as_str()), ("duplicate", "$[1].id"));
/// ```
pub fn read_definitions(list: &Json, zone: &Zone) -> Result<Vec<Definition>> {
    // Read up to the first invalid definition; a repeated id before it is reported first.
    let mut definitions: Vec<Definition> = Vec::new();
    let mut invalid = None;
    for item in list.items()? {
        match Definition::from_json(&item, zone) {
            Ok(d) => definitions.push(d),
            Err(e) => {
                invalid = Some(e);
                break;
            }
        }
    }
    if let Some(i) = crate::unique::first_repeat(&mut definitions.iter().map(|d| d.id.as_str())) {
        let id = definitions
            .get(i)
            .map(|d| d.id.as_str())
            .unwrap_or_default();
        if let Some(item) = list.items()?.nth(i) {
            return Err(item.field("id")?.error(
                ErrorCode::Duplicate,
                crate::error::Message::new("badge ")
                    .user(id)
                    .text(" is defined twice"),
            ));
        }
    }
    invalid.map_or(Ok(definitions), Err)
}
