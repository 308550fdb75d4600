//! The size-class allocator (the default): freed blocks are reused by their class.

use super::PAGE;
use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// Every block is aligned to this (and at least this big): enough for every type impactkit has.
const MIN_BLOCK: usize = 16;
/// Size classes: 16 B (2^4) up to 2^31 B.
const CLASSES: usize = 28;

struct State {
    /// The head of each class's free list (a free block's first word points to the next).
    free: [*mut u8; CLASSES],
    /// The unused end of the memory grown so far: `next..end`.
    next: usize,
    end: usize,
}

/// The allocator (wasm32 without threads: one thread, so no locking).
pub struct SizeClasses(UnsafeCell<State>);

// SAFETY: wasm32-unknown-unknown without the atomics feature runs one thread.
unsafe impl Sync for SizeClasses {}

#[global_allocator]
static ALLOCATOR: SizeClasses = SizeClasses(UnsafeCell::new(State {
    free: [null_mut(); CLASSES],
    next: 0,
    end: 0,
}));

/// The class of a layout (`None`: an alignment above 16, or too large).
fn class_of(layout: Layout) -> Option<usize> {
    if layout.align() > MIN_BLOCK {
        return None;
    }
    let size = layout.size().max(MIN_BLOCK).checked_next_power_of_two()?;
    let class = (size.trailing_zeros() - MIN_BLOCK.trailing_zeros()) as usize;
    (class < CLASSES).then_some(class)
}

impl State {
    /// A new block of `size` bytes (a power of two ≥ 16) from the end of memory.
    fn carve(&mut self, size: usize) -> *mut u8 {
        if self.end - self.next < size {
            let have = core::arch::wasm32::memory_size::<0>();
            let pages = size.div_ceil(PAGE).max(have / 2);
            let old = core::arch::wasm32::memory_grow::<0>(pages);
            if old == usize::MAX {
                return null_mut();
            }
            // A fresh region (the old one's rest is left unused unless it adjoins).
            if self.end != old * PAGE {
                self.next = old * PAGE;
            }
            self.end = (old + pages) * PAGE;
        }
        let block = self.next;
        self.next += size;
        block as *mut u8
    }
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class_of(layout) else {
            return null_mut();
        };
        // SAFETY: one thread, and no allocator call re-enters another.
        let state = unsafe { &mut *self.0.get() };
        let head = state.free[class];
        if head.is_null() {
            return state.carve(MIN_BLOCK << class);
        }
        // SAFETY: `head` is a free block of this class; its first word is the next one.
        state.free[class] = unsafe { *(head as *mut *mut u8) };
        head
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(class) = class_of(layout) else {
            return;
        };
        // SAFETY: as in `alloc`; the block (≥ 16 B, 16-aligned) is ours again.
        let state = unsafe { &mut *self.0.get() };
        unsafe { *(ptr as *mut *mut u8) = state.free[class] };
        state.free[class] = ptr;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's layout rules hold for the new layout (GlobalAlloc's contract).
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class_of(layout).is_some() && class_of(layout) == class_of(new) {
            return ptr;
        }
        // SAFETY: as `GlobalAlloc::realloc`'s default: a new block, the bytes copied, the old freed.
        unsafe {
            let block = self.alloc(new);
            if !block.is_null() {
                core::ptr::copy_nonoverlapping(ptr, block, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            block
        }
    }
}
