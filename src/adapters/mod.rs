//! Adapters: the only code that knows a backend's field names. Each turns one
//! backend's JSON shape into impactkit's model.

pub mod capillary;
pub mod gameball;
pub mod gameball_points;
pub mod graphql;
