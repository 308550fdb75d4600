//! The arena allocator (Cargo feature `arena`): blocks are cut one after another from the end of
//! memory and never freed one by one; [`reset`] frees them all at once.

use super::PAGE;
use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

struct State {
    /// Where the arena starts: the end of memory when it was first used.
    start: usize,
    /// The unused end of the memory grown so far: `next..end`.
    next: usize,
    end: usize,
}

impl State {
    /// On first use, the arena starts where memory (data, stack) ends.
    fn open(&mut self) {
        if self.end == 0 {
            // (Below 4 GiB: memory is a few pages when the first block is asked for.)
            self.end = core::arch::wasm32::memory_size::<0>().saturating_mul(PAGE);
            (self.start, self.next) = (self.end, self.end);
        }
    }

    /// Makes `from..from + size` part of the arena, growing memory when it ends before; false when
    /// memory cannot grow.
    fn room(&mut self, from: usize, size: usize) -> bool {
        let Some(need) = from.checked_add(size) else {
            return false;
        };
        if need <= self.end {
            return true;
        }
        // At least half again the memory there is: a few `memory.grow` calls for the largest
        // input rather than one per page (V8 may collect garbage on each); only what is needed
        // when that much is refused (near the engine's limit).
        let least = (need - self.end).div_ceil(PAGE);
        let more = least.max(core::arch::wasm32::memory_size::<0>() / 2);
        let (old, pages) = match core::arch::wasm32::memory_grow::<0>(more) {
            usize::MAX => (core::arch::wasm32::memory_grow::<0>(least), least),
            old => (old, more),
        };
        // Only this allocator grows memory, so new pages follow `end`. Were they elsewhere, the
        // pages between would be someone else's, which a reset must not hand out: refuse.
        if old == usize::MAX {
            return false;
        }
        let (Some(start), Some(end)) = (old.checked_mul(PAGE), (old + pages).checked_mul(PAGE))
        else {
            return false;
        };
        if start != self.end {
            return false;
        }
        self.end = end;
        true
    }
}

/// The allocator (wasm32 without threads: one thread, so no locking).
pub struct Arena(UnsafeCell<State>);

// SAFETY: wasm32-unknown-unknown without the atomics feature runs one thread.
unsafe impl Sync for Arena {}
#[cfg(target_feature = "atomics")]
compile_error!("the arena assumes one thread: wasm32 without the atomics feature");

#[global_allocator]
static ALLOCATOR: Arena = Arena(UnsafeCell::new(State {
    start: 0,
    next: 0,
    end: 0,
}));

unsafe impl GlobalAlloc for Arena {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: one thread, and no allocator call re-enters another.
        let state = unsafe { &mut *self.0.get() };
        state.open();
        let Some(at) = state.next.checked_next_multiple_of(layout.align()) else {
            return null_mut();
        };
        if !state.room(at, layout.size()) {
            return null_mut();
        }
        state.next = at + layout.size();
        at as *mut u8
    }

    /// Nothing: the block is freed with all others by [`reset`].
    unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as in `alloc`.
        let state = unsafe { &mut *self.0.get() };
        let at = ptr as usize;
        // The last block grows (or shrinks) where it is: a vector or string being built.
        if at + layout.size() == state.next {
            if !state.room(at, new_size) {
                return null_mut();
            }
            state.next = at + new_size;
            return ptr;
        }
        if new_size <= layout.size() {
            return ptr;
        }
        // SAFETY: the caller's layout rules hold for the new layout (GlobalAlloc's contract); a
        // new block, the old bytes copied.
        unsafe {
            let block = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
            if !block.is_null() {
                core::ptr::copy_nonoverlapping(ptr, block, layout.size());
            }
            block
        }
    }
}

/// Frees every block at once: the next allocation starts the arena again.
///
/// # Safety
/// No block allocated before may be read or written again (freeing it is fine: `dealloc` does
/// nothing). impactkit-raw calls this when the host starts a call, when the previous call's
/// input and output are no longer used.
pub unsafe fn reset() {
    // SAFETY: one thread, and no allocator call is running.
    let state = unsafe { &mut *ALLOCATOR.0.get() };
    state.next = state.start;
}
