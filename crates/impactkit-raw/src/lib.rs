//! impactkit's stateless capability modules (`impactkit/bars`, `impactkit/progress`, `impactkit/profile`, `impactkit/badges`, `impactkit/streaks`, `impactkit/cards`) as plain wasm exports, without
//! wasm-bindgen and its glue: the ABI that pkg-templates/entries/raw.js (the module's JS entry)
//! speaks. The work (reading the input, running the function, writing the answer or the error as
//! JSON) is [`impactkit::raw`]'s; this crate only exports it (`#[no_mangle]`, which impactkit,
//! `#![forbid(unsafe_code)]`, cannot), imports the host's time zones (`Intl`) and installs the
//! small allocator (impactkit-alloc).
// `impactkit/bars` reads no time zones: built alone, the host zone code is unused.
#![cfg_attr(
    not(any(
        feature = "progress",
        feature = "profile",
        feature = "badges",
        feature = "streaks",
        feature = "cards"
    )),
    allow(dead_code)
)]
// One module per build: `make pkg` builds each feature on its own.
#[cfg(any(
    all(
        feature = "bars",
        any(
            feature = "progress",
            feature = "profile",
            feature = "badges",
            feature = "streaks",
            feature = "cards"
        )
    ),
    all(
        feature = "progress",
        any(
            feature = "profile",
            feature = "badges",
            feature = "streaks",
            feature = "cards"
        )
    ),
    all(
        feature = "profile",
        any(feature = "badges", feature = "streaks", feature = "cards")
    ),
    all(feature = "badges", any(feature = "streaks", feature = "cards")),
    all(feature = "streaks", feature = "cards"),
))]
compile_error!("impactkit-raw builds one module at a time: enable exactly one of bars, progress, profile, badges, streaks, cards");

use impactkit::raw::{run, Outcome};
use impactkit::time::{ZoneDb, ZoneRules};
use std::cell::UnsafeCell;

// The allocator (its arena): linked in for its `#[global_allocator]`; [`input`] resets it.
#[cfg(not(target_arch = "wasm32"))]
use impactkit_alloc as _;

/// The input the JS glue writes into (see [`input`]) and the last call's answer, its JSON text
/// (see [`output`]).
struct Buffers {
    input: Vec<u8>,
    output: Vec<u8>,
}

struct Shared(UnsafeCell<Buffers>);

// SAFETY: wasm32-unknown-unknown without the atomics feature runs one thread.
unsafe impl Sync for Shared {}

static BUFFERS: Shared = Shared(UnsafeCell::new(Buffers {
    input: Vec::new(),
    output: Vec::new(),
}));

#[cfg(target_feature = "atomics")]
compile_error!("the buffers assume one thread: wasm32 without the atomics feature");

/// The buffers, for one export at a time.
///
/// # Safety
/// No other reference to them may be live: each export takes them once and drops the reference
/// before it returns (one thread, and the host calls the exports one after another).
unsafe fn buffers() -> &'static mut Buffers {
    // SAFETY: as the caller promises.
    unsafe { &mut *BUFFERS.0.get() }
}

/// Makes room for `bytes` bytes of input and answers where the glue writes them: the start of a
/// call, so everything the previous call allocated is freed at once (the arena of impactkit-alloc).
#[no_mangle]
pub extern "C" fn input(bytes: usize) -> *mut u8 {
    // SAFETY: the previous call is over and the glue has read its output; its input and output
    // are only dropped below (freeing does nothing in the arena), and no other allocation of it
    // lives on: the modules keep no heap data between calls (their tables are static text).
    #[cfg(target_arch = "wasm32")]
    unsafe {
        impactkit_alloc::reset()
    };
    // SAFETY: the only reference to the buffers, until this export returns.
    let buffers = unsafe { buffers() };
    buffers.output = Vec::new();
    buffers.input = vec![0; bytes];
    buffers.input.as_mut_ptr()
}

/// Where the last call's answer (JSON text) starts.
#[no_mangle]
pub extern "C" fn output() -> *const u8 {
    // SAFETY: the only reference to the buffers, until this export returns.
    unsafe { buffers() }.output.as_ptr()
}

/// How many bytes the last call's answer has.
#[no_mangle]
pub extern "C" fn output_len() -> usize {
    // SAFETY: the only reference to the buffers, until this export returns.
    unsafe { buffers() }.output.len()
}

/// Runs `f` on the input written since [`input`] with time zones from `zones`: 0 when
/// [`output`] holds its result, 1 an error.
fn call<T: impactkit::json::ToJson>(
    name: &str,
    kind: u32,
    units: u32,
    f: impactkit::raw::Function<T>,
    zones: &dyn ZoneDb,
) -> u32 {
    // SAFETY: the only reference to the buffers (dropped at once: `run` reads none).
    let bytes = std::mem::take(unsafe { &mut buffers().input });
    let (status, text) = match run(name, kind, units, bytes, f, zones) {
        Outcome::Result(text) => (0, text),
        Outcome::Error(text) => (1, text),
    };
    // SAFETY: the only reference to the buffers, dropped at once.
    unsafe { buffers() }.output = text.into_bytes();
    status
}

#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = "impactkit")]
extern "C" {
    /// The host's zone `name` (UTF-8 at `name`, `len` bytes): an id for [`zone_offset`], or −1 when
    /// `Intl.DateTimeFormat` does not know it.
    fn zone_open(name: *const u8, len: usize) -> i32;
    /// Seconds east of UTC in zone `zone` at `utc_seconds` (Unix time), from `Intl.DateTimeFormat`.
    fn zone_offset(zone: i32, utc_seconds: f64) -> i32;
}

/// No time zones, for `impactkit/bars`, whose functions never ask for one: the module then
/// imports nothing and its glue carries no zone code.
#[cfg(feature = "bars")]
struct NoZones;

#[cfg(feature = "bars")]
impl ZoneDb for NoZones {
    fn zone(&self, _name: &str) -> Option<Box<dyn ZoneRules>> {
        None
    }
}

/// IANA zones through the host's `Intl.DateTimeFormat` (pkg-templates/entries/raw.js), as the
/// wasm-bindgen bindings do; off wasm (tests), no zones.
struct HostZones;

/// A zone the host opened.
#[cfg(target_arch = "wasm32")]
struct HostZone(i32);

impl ZoneDb for HostZones {
    #[cfg(target_arch = "wasm32")]
    fn zone(&self, name: &str) -> Option<Box<dyn ZoneRules>> {
        // SAFETY: the host reads `name.len()` bytes at `name.as_ptr()`, which stay valid for the call.
        let id = unsafe { zone_open(name.as_ptr(), name.len()) };
        (id >= 0).then(|| Box::new(HostZone(id)) as Box<dyn ZoneRules>)
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn zone(&self, _name: &str) -> Option<Box<dyn ZoneRules>> {
        None
    }
}

#[cfg(target_arch = "wasm32")]
impl ZoneRules for HostZone {
    fn offset_at(&self, utc_seconds: i64) -> i32 {
        // SAFETY: a plain call into the host with numbers.
        unsafe { zone_offset(self.0, utc_seconds as f64) }
    }
}

/// One export per function of the module, named as in JS (src/api.rs; `impactkit/bars`:
/// impactkit::bars), with the zones it reads.
macro_rules! exports {
    ($($js:literal => $rust:ident in $from:ident),* $(,)?) => { exports!(HostZones: $($js => $rust in $from),*); };
    ($zones:ident: $($js:literal => $rust:ident in $from:ident),* $(,)?) => {$(
        #[doc = concat!("`", $js, "`: see impactkit::", stringify!($from), ".")]
        #[export_name = $js]
        pub extern "C" fn $rust(kind: u32, units: u32) -> u32 {
            call($js, kind, units, impactkit::$from::$rust, &$zones)
        }
    )*};
}

#[cfg(feature = "progress")]
exports! {
    "milestoneProgress" => milestone_progress in api,
    "tierProgress" => tier_progress in api,
    "campaignProgress" => campaign_progress in api,
}

#[cfg(feature = "profile")]
exports! {
    "readImpactProfile" => read_impact_profile in api,
    "readLeaderboard" => read_leaderboard in api,
    "readGameball" => read_gameball in api,
    "pointsProgress" => points_progress in api,
}

#[cfg(feature = "cards")]
exports! {
    "impactCard" => impact_card in api,
    "readBakedCredential" => read_baked_credential in api,
    "__cardForPng" => card_for_png in api,
}

#[cfg(feature = "streaks")]
exports! {
    "streak" => streak in api,
    "achievementWindow" => achievement_window in api,
}

#[cfg(feature = "bars")]
exports! {
    NoZones:
    "milestoneProgress" => milestone_progress in bars,
    "tierProgress" => tier_progress in bars,
}

#[cfg(feature = "badges")]
exports! {
    "badgePreview" => badge_preview in api,
    "readCapillaryBadge" => read_capillary_badge in api,
}
