//! An order's supply chains, kept in the order itself when there is one (the usual case): the
//! rules that read them (`distinct`, `supplyChains`, `verifiedSupplyChains`) then follow no
//! pointer per order, which in a long history was a cache miss each (half of the tallies' time
//! natively).

use super::orders::SupplyChain;
use std::fmt;
use std::ops::Deref;

/// The supply chains of an order, in input order.
///
/// ```
/// use impactkit::badges::{chains::Chains, orders::SupplyChain};
/// let chain = |id: &str| SupplyChain { id: id.into(), verified: true };
/// let chains: Chains = ["c1", "c2", "c3"].into_iter().map(chain).collect();
/// assert_eq!(chains.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["c1", "c2", "c3"]);
/// assert_eq!(Chains::default().len() + std::iter::once(chain("c")).collect::<Chains>().len(), 1);
/// ```
#[derive(Clone, Default)]
pub struct Chains(Repr);

#[derive(Clone, Default)]
enum Repr {
    #[default]
    None,
    One(SupplyChain),
    Many(Vec<SupplyChain>),
}

impl Chains {
    /// Adds a chain after the others.
    pub fn push(&mut self, chain: SupplyChain) {
        self.0 = match std::mem::take(&mut self.0) {
            Repr::None => Repr::One(chain),
            Repr::One(first) => Repr::Many(vec![first, chain]),
            Repr::Many(mut all) => {
                all.push(chain);
                Repr::Many(all)
            }
        };
    }

    /// The chains.
    pub fn as_slice(&self) -> &[SupplyChain] {
        match &self.0 {
            Repr::None => &[],
            Repr::One(chain) => std::slice::from_ref(chain),
            Repr::Many(all) => all,
        }
    }
}

impl Deref for Chains {
    type Target = [SupplyChain];
    fn deref(&self) -> &[SupplyChain] {
        self.as_slice()
    }
}

impl FromIterator<SupplyChain> for Chains {
    fn from_iter<I: IntoIterator<Item = SupplyChain>>(chains: I) -> Self {
        let mut all = Chains::default();
        chains.into_iter().for_each(|c| all.push(c));
        all
    }
}

impl PartialEq for Chains {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl fmt::Debug for Chains {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}
