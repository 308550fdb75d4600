//! Badge definitions as data: id, name, description, icon, tiers (each with a
//! rule), and optional validity, limits and expiry.

use super::rules::Rule;
use super::validity::{Expiry, Limits, Validity};
use crate::error::{ErrorCode, Result};
use crate::json::Json;
use crate::time::Zone;
use std::collections::HashSet;

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
        let mut tiers: Vec<TierRule> = Vec::new();
        let mut names = HashSet::new();
        for item in tiers_json.items()? {
            let name_json = item.field("tier")?;
            let tier = name_json.str()?.to_owned();
            if !names.insert(tier.clone()) {
                return Err(name_json.error(
                    ErrorCode::Duplicate,
                    format!("tier \"{}\" is listed twice", crate::json::truncate(&tier)),
                ));
            }
            tiers.push(TierRule {
                tier,
                rule: Rule::from_json(&item.field("rule")?)?,
            });
        }
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
    let mut definitions: Vec<Definition> = Vec::new();
    let mut ids = HashSet::with_capacity(list.items()?.len());
    for item in list.items()? {
        let definition = Definition::from_json(&item, zone)?;
        if !ids.insert(definition.id.clone()) {
            return Err(item.field("id")?.error(
                ErrorCode::Duplicate,
                format!(
                    "badge \"{}\" is defined twice",
                    crate::json::truncate(&definition.id)
                ),
            ));
        }
        definitions.push(definition);
    }
    Ok(definitions)
}
