//! Small, fast allocators for impactkit's stateless capability modules on wasm32: ~0.5 KB of
//! code where dlmalloc is ~7.5 KB. impactkit is `#![forbid(unsafe_code)]`; this crate holds the
//! unsafe a global allocator needs. The allocator is installed only on wasm32; on other targets
//! the crate is empty.
//!
//! **The arena** (Cargo feature `arena`, what impactkit-raw's modules use): each block is cut
//! right after the previous one and freeing one does nothing; [`reset`] frees them all when the
//! host starts the next call. Code that frees is then code that does nothing, so the compiler
//! drops it: the streaks module is ~1.1 KB gzip smaller than with size classes. A call keeps all it
//! allocated until the next one, and the last block grows in place (the vector or string being
//! built). Memory grows by at least half its size at a time.
//!
//! **Size classes** (the default): blocks come in power-of-two size classes (16 B … 2 GiB): a freed block goes on its class's
//! free list and is handed out again for the next request of that class, so `alloc`, `dealloc`
//! and a `realloc` within the class are O(1). New blocks are cut from the end of wasm memory,
//! which grows by at least half of its size at a time (a few `memory.grow` calls for the largest
//! input rather than one per page: V8 may collect garbage on each). The price is memory: up to 2×
//! a request (rounding) and no merging of free blocks, fine for calls that free what they allocate.
#![no_std]

#[cfg(all(target_arch = "wasm32", feature = "arena"))]
mod arena;
#[cfg(all(target_arch = "wasm32", not(feature = "arena")))]
mod size_classes;
#[cfg(all(target_arch = "wasm32", feature = "arena"))]
pub use arena::reset;

/// Whether the allocator is the arena (feature `arena`), which only a host that calls [`reset`]
/// between calls may use: impactkit's wasm-bindgen builds check that they do not get it.
pub const ARENA: bool = cfg!(feature = "arena");

/// A wasm page.
#[cfg(target_arch = "wasm32")]
const PAGE: usize = 65_536;
