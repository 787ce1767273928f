//! The bump arithmetic, on plain `usize`: how much padding an address needs,
//! whether an allocation fits, and checked size math.
//!
//! Nothing here touches memory, so it is `forbid(unsafe_code)` and tested on its
//! own (exhaustively for small values, by property for the rest).
#![forbid(unsafe_code)]

/// The bytes to add to `addr` to make it a multiple of `align`.
///
/// `align` must be a power of two; the result is below `align`.
#[inline(always)]
pub(crate) const fn padding_for(addr: usize, align: usize) -> usize {
    debug_assert!(align.is_power_of_two());
    addr.wrapping_neg() & (align - 1)
}

/// The padding an allocation of `size` bytes at `align` needs at `addr`, if the
/// padding and the allocation fit in `remaining` bytes.
///
/// `size` and `align` come from a `Layout`, whose size rounded up to its
/// alignment is at most `isize::MAX`: then `pad + size` cannot overflow and one
/// comparison decides. This is the allocation hot path.
#[inline(always)]
pub(crate) const fn fit_layout(
    addr: usize,
    remaining: usize,
    size: usize,
    align: usize,
) -> Option<usize> {
    debug_assert!(size <= isize::MAX as usize - (align - 1));
    let pad = padding_for(addr, align);
    if pad + size <= remaining {
        Some(pad)
    } else {
        None
    }
}

/// How many bytes at the top of the address space an arena never uses, so that
/// the hot path's `align_up(addr) + size` cannot wrap for small layouts.
///
/// No real block is there (on 64-bit targets the top of the address space is the
/// kernel's; on 32-bit ones too); a block that reaches into it is cut short.
pub(crate) const TOP_SLACK: usize = 1 << 16;

/// How many of the `len` bytes of a block starting at `addr` an arena may use:
/// all of them, unless the block reaches into the top [`TOP_SLACK`] bytes of
/// the address space, which are cut off. Every block an arena uses, the
/// caller's or from the global allocator, passes here.
#[inline]
pub(crate) const fn usable_len(addr: usize, len: usize) -> usize {
    let top = usize::MAX - TOP_SLACK;
    let room = top.saturating_sub(addr);
    if len < room {
        len
    } else {
        room
    }
}

/// Whether a layout is small enough for [`bump_small`]: `size + align <=
/// TOP_SLACK`. Folds to a constant for a `Layout::new::<T>()`.
#[inline(always)]
pub(crate) const fn is_small(size: usize, align: usize) -> bool {
    size <= TOP_SLACK && align <= TOP_SLACK - size
}

/// The hot path: where an allocation of `size` bytes at `align` starts when the
/// bump pointer is at `addr`, and where the bump pointer goes after it, if that
/// is at most `limit`.
///
/// Preconditions (checked in debug builds): `addr <= limit <= usize::MAX -
/// TOP_SLACK`, `align` a power of two, and [`is_small`]`(size, align)`. Then
/// neither addition can wrap: `start + size <= limit + align - 1 + size <=
/// usize::MAX`.
#[inline(always)]
pub(crate) const fn bump_small(
    addr: usize,
    limit: usize,
    size: usize,
    align: usize,
) -> Option<(usize, usize)> {
    debug_assert!(addr <= limit && limit <= usize::MAX - TOP_SLACK);
    debug_assert!(align.is_power_of_two() && is_small(size, align));
    let start = (addr + (align - 1)) & !(align - 1);
    let end = start + size;
    if end <= limit {
        Some((start, end))
    } else {
        None
    }
}

/// Alignments up to this are not recorded by the hot path (the check folds
/// away for every type aligned to at most this); those above are, for the
/// alignment slack of `recommended_capacity`.
pub(crate) const UNTRACKED_ALIGN: usize = 16;

/// The bytes usable at `align` out of `remaining` bytes starting at `addr`.
pub(crate) const fn usable_at(addr: usize, remaining: usize, align: usize) -> usize {
    remaining.saturating_sub(padding_for(addr, align))
}

/// `len * elem_size`, if it fits in `isize::MAX` (the largest Rust object).
#[inline]
pub(crate) const fn array_size(len: usize, elem_size: usize) -> Option<usize> {
    match len.checked_mul(elem_size) {
        Some(n) if n <= isize::MAX as usize => Some(n),
        _ => None,
    }
}

/// The smallest overflow chunk a growing arena takes.
pub(crate) const MIN_CHUNK: usize = 4096;

/// `n` rounded up to a multiple of `align` (a power of two), if that fits in
/// `isize::MAX`.
pub(crate) const fn round_up(n: usize, align: usize) -> Option<usize> {
    debug_assert!(align.is_power_of_two());
    let mask = align - 1;
    let Some(m) = n.checked_add(mask) else {
        return None;
    };
    let rounded = m & !mask;
    if rounded <= isize::MAX as usize {
        Some(rounded)
    } else {
        None
    }
}

/// The size of the next overflow chunk of a growing arena: at least the
/// request, at least double the `previous` chunk (or home block), at least
/// [`MIN_CHUNK`], rounded up to `granule`; then cut down to what `max_bytes`
/// still allows beyond the `held` bytes, if the request still fits. `None` if
/// the request does not fit under `max_bytes` or the size overflows.
///
/// The chunk is aligned to at least the request's alignment, so the request
/// needs no padding in it.
#[cfg_attr(
    not(feature = "alloc"),
    expect(dead_code, reason = "no chunks without `alloc`")
)]
pub(crate) fn chunk_size(
    request: usize,
    previous: usize,
    held: usize,
    max_bytes: usize,
    granule: usize,
) -> Option<usize> {
    // `max`, not `if a > b`: the tie goes either way, and a comparison would
    // leave cargo-mutants an equivalent `>=` to report.
    let size = round_up(
        previous.saturating_mul(2).max(request).max(MIN_CHUNK),
        granule,
    )?;
    let allowed = max_bytes.saturating_sub(held);
    if size <= allowed {
        Some(size)
    } else if request <= allowed && request > 0 {
        Some(allowed)
    } else {
        None
    }
}

/// The share of a frame's free memory a split's workers start with, all
/// together: `1 / WORKER_START_SHARE`. The rest stays in the shared pool.
///
/// Small on purpose: a worker that allocates little strands at most its start
/// slice, so with n workers at most `1 / (WORKER_START_SHARE * n)` of the
/// pool per idle worker is lost to the others (with 2 workers, one that takes
/// 90% of the frame still fits). Starting with a slice at all saves every
/// worker the pool operation of its first allocation.
pub(crate) const WORKER_START_SHARE: usize = 16;

/// The smallest chunk a worker takes from its frame's pool (unless less
/// remains, or its share of what remains is less).
pub(crate) const MIN_POOL_CHUNK: usize = 1024;

/// The start slice of each of `workers` workers in a pool of `len` bytes: an
/// equal part of `len / WORKER_START_SHARE`, rounded down to `granule` (so
/// every slice starts on a cache line when the first does). `workers > 0`.
pub(crate) const fn worker_slice(len: usize, workers: usize, granule: usize) -> usize {
    debug_assert!(workers > 0 && granule.is_power_of_two());
    (len / WORKER_START_SHARE / workers) & !(granule - 1)
}

/// The next chunk a worker takes from a split's pool, as offsets into the
/// pool: `Ok((start, end))`, or `Err(remaining)` with the bytes usable at
/// `align` that remain when the request does not fit.
///
/// The pool is `len` bytes from address `base`, handed out up to `next`. The
/// request is `size` bytes at `align`; the worker's current chunk is `last`
/// bytes; `share` workers share the pool. The chunk starts at `next` and
/// holds at least the request (with its padding); beyond that it takes
/// double the worker's last chunk (at least [`MIN_POOL_CHUNK`]), so a busy
/// worker needs O(log) refills, but never more than `1 / share` of what
/// remains, so a busy worker cannot starve the others: near the end of the
/// pool the chunks shrink with what remains, and what a worker leaves unused
/// at the end of a chunk is less than the request that did not fit there.
/// The end is rounded up to `granule` (the cache line), so that the next
/// chunk starts on one and two workers do not write to one cache line.
///
/// `size` and `align` come from a `Layout`; `base + len` is the end of a
/// block, below [`TOP_SLACK`] of the top of the address space.
#[expect(
    clippy::too_many_arguments,
    reason = "plain numbers on purpose: this module stays free of the arena's types"
)]
pub(crate) const fn pool_chunk(
    base: usize,
    next: usize,
    len: usize,
    size: usize,
    align: usize,
    granule: usize,
    last: usize,
    share: usize,
) -> Result<(usize, usize), usize> {
    let avail = len.saturating_sub(next);
    let at = base + if next < len { next } else { len };
    let Some(pad) = fit_layout(at, avail, size, align) else {
        return Err(usable_at(at, avail, align));
    };
    let need = pad + size;
    let doubled = last.saturating_mul(2);
    let grown = if doubled > MIN_POOL_CHUNK {
        doubled
    } else {
        MIN_POOL_CHUNK
    };
    let fair = avail / if share > 0 { share } else { 1 };
    let grant = if grown < fair { grown } else { fair };
    let take = if need > grant { need } else { grant };
    // `take <= avail`, so `end_addr <= base + len`, far from the top.
    let end_addr = at + take;
    let end = end_addr + padding_for(end_addr, granule) - base;
    Ok((next, if end < len { end } else { len }))
}

/// `bytes` plus a quarter, rounded up to `granule`, plus `slack` (the most a
/// frame's alignment padding can grow in a block that starts elsewhere),
/// rounded up again: the block a growing arena keeps after a frame that
/// needed `bytes`, and the capacity it recommends.
pub(crate) const fn with_headroom(bytes: usize, slack: usize, granule: usize) -> Option<usize> {
    let Some(kept) = round_up(bytes.saturating_add(bytes / 4), granule) else {
        return None;
    };
    match kept.checked_add(slack) {
        Some(with_slack) => round_up(with_slack, granule),
        None => None,
    }
}

/// Whether `size` is usable as a cache-line size: a power of two no larger than
/// `max`.
pub(crate) const fn valid_cache_line(size: usize, max: usize) -> bool {
    size.is_power_of_two() && size <= max
}

/// The smallest non-zero capacity a growable buffer takes, in elements, for
/// elements of `elem_size` bytes (std's `RawVec` rule): 8 bytes, 4 small
/// elements or 1 large one, so tiny vectors do not reallocate on every push.
pub(crate) const fn min_non_zero_capacity(elem_size: usize) -> usize {
    if elem_size == 1 {
        8
    } else if elem_size <= 1024 {
        4
    } else {
        1
    }
}

/// The capacity a growable buffer of `cap` elements moves to when it must hold
/// `required > cap` elements: double (so pushes cost amortised O(1)), but at
/// least `required` and at least `min_cap`. Saturates instead of overflowing;
/// the caller checks the byte size.
#[inline]
pub(crate) fn grown_capacity(cap: usize, required: usize, min_cap: usize) -> usize {
    // `max`, as in `chunk_size`.
    cap.saturating_mul(2).max(required).max(min_cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_chunks_hold_the_request_stay_in_the_pool_and_leave_a_share() {
        let granule = 64;
        for base in [0usize, 64, 4096 + 64] {
            for len in [0usize, 100, 4096, 1 << 20] {
                for next in [0usize, 64, 1000, 4000, len] {
                    for size in [1usize, 16, 100, 5000] {
                        for align in [1usize, 8, 64] {
                            for last in [0usize, 64, 4096] {
                                for share in [1usize, 2, 8] {
                                    let got = pool_chunk(
                                        base, next, len, size, align, granule, last, share,
                                    );
                                    let avail = len.saturating_sub(next);
                                    match got {
                                        Ok((start, end)) => {
                                            assert_eq!(start, next);
                                            assert!(end <= len);
                                            let pad = padding_for(base + start, align);
                                            assert!(start + pad + size <= end);
                                            // Beyond the request, at most a share of what remains
                                            // (plus the rounding to the granule).
                                            let need = pad + size;
                                            assert!(
                                                end - start <= need.max(avail / share) + granule
                                            );
                                            assert!(end == len || (base + end) % granule == 0);
                                        }
                                        Err(remaining) => {
                                            assert!(remaining < size);
                                            assert!(fit_layout(
                                                base + next.min(len),
                                                avail,
                                                size,
                                                align
                                            )
                                            .is_none());
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn worker_slices_fit_the_start_share() {
        for len in [0usize, 63, 4096, 1 << 20] {
            for workers in [1usize, 2, 3, 8] {
                let slice = worker_slice(len, workers, 64);
                assert_eq!(slice % 64, 0);
                assert!(slice * workers <= len / WORKER_START_SHARE);
            }
        }
    }

    #[test]
    fn padding_is_the_distance_to_the_next_multiple() {
        // Exhaustive for small alignments; Miri runs the same at a smaller size.
        let aligns: &[usize] = if cfg!(miri) {
            &[1, 2, 8]
        } else {
            &[1, 2, 4, 8, 16, 64, 512]
        };
        for &align in aligns {
            for addr in 0..(3 * align + 5) {
                let pad = padding_for(addr, align);
                assert!(pad < align);
                assert_eq!((addr + pad) % align, 0, "addr {addr} align {align}");
                // No smaller padding works.
                for smaller in 0..pad {
                    assert_ne!((addr + smaller) % align, 0);
                }
            }
        }
        assert_eq!(padding_for(4097, 4096), 4095);
        // Wraps correctly at the top of the address space.
        assert_eq!(padding_for(usize::MAX, 8), 1);
        assert_eq!(padding_for(usize::MAX - 7, 8), 0);
    }

    #[test]
    fn fit_layout_matches_a_wide_arithmetic_model() {
        for align in [1usize, 2, 8, 64, 4096] {
            for addr in [0usize, 1, 3, 63, 64, usize::MAX - 70, usize::MAX] {
                for remaining in [0usize, 1, 7, 8, 64, 100, 4095, usize::MAX] {
                    for size in [0usize, 1, 8, 64, 99, isize::MAX as usize - (align - 1)] {
                        let pad = padding_for(addr, align) as u128;
                        let model = pad + size as u128 <= remaining as u128;
                        let got = fit_layout(addr, remaining, size, align);
                        assert_eq!(got.is_some(), model, "{addr} {remaining} {size} {align}");
                        if let Some(p) = got {
                            assert_eq!(p as u128, pad);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn bump_small_agrees_with_fit_layout_where_its_preconditions_hold() {
        let top = usize::MAX - TOP_SLACK;
        for align in [1usize, 2, 8, 64, 4096] {
            for addr in [0usize, 1, 3, 63, 64, 1000, top - 5000, top - 1, top] {
                for room in [0usize, 1, 7, 8, 64, 100, 4095, 5000] {
                    let Some(limit) = addr.checked_add(room).filter(|&l| l <= top) else {
                        continue;
                    };
                    for size in [0usize, 1, 8, 64, 99, TOP_SLACK - align] {
                        assert!(is_small(size, align));
                        let got = bump_small(addr, limit, size, align);
                        let want = fit_layout(addr, room, size, align)
                            .map(|pad| (addr + pad, addr + pad + size));
                        assert_eq!(got, want, "{addr} {room} {size} {align}");
                    }
                }
            }
        }
        assert!(!is_small(TOP_SLACK, 1));
        assert!(!is_small(1, TOP_SLACK));
        assert!(!is_small(usize::MAX, 1));
    }

    #[test]
    fn usable_at_never_underflows() {
        assert_eq!(usable_at(1, 0, 8), 0);
        assert_eq!(usable_at(1, 3, 8), 0);
        assert_eq!(usable_at(1, 10, 8), 3);
        assert_eq!(usable_at(8, 10, 8), 10);
    }

    #[test]
    fn array_size_rejects_what_rust_cannot_hold() {
        assert_eq!(array_size(3, 4), Some(12));
        assert_eq!(array_size(0, usize::MAX), Some(0));
        assert_eq!(array_size(usize::MAX, 2), None);
        assert_eq!(
            array_size(isize::MAX as usize, 1),
            Some(isize::MAX as usize)
        );
        assert_eq!(array_size(isize::MAX as usize + 1, 1), None);
    }

    #[test]
    fn round_up_is_exact_and_checked() {
        assert_eq!(round_up(0, 64), Some(0));
        assert_eq!(round_up(1, 64), Some(64));
        assert_eq!(round_up(64, 64), Some(64));
        assert_eq!(round_up(65, 1), Some(65));
        assert_eq!(round_up(usize::MAX, 64), None);
        assert_eq!(round_up(isize::MAX as usize, 64), None);
        // The largest Rust object is a valid result; one byte more is not.
        assert_eq!(round_up(isize::MAX as usize, 1), Some(isize::MAX as usize));
        assert_eq!(round_up(isize::MAX as usize + 1, 1), None);
        assert_eq!(round_up(1, 1 << (usize::BITS - 1)), None);
    }

    #[test]
    fn chunk_sizes_double_cover_the_request_and_respect_the_limit() {
        const NO_LIMIT: usize = usize::MAX;
        // At least the minimum, doubling the previous chunk, covering the request.
        assert_eq!(chunk_size(10, 100, 0, NO_LIMIT, 64), Some(MIN_CHUNK));
        assert_eq!(chunk_size(10, 8192, 0, NO_LIMIT, 64), Some(16384));
        assert_eq!(chunk_size(100_000, 8192, 0, NO_LIMIT, 64), Some(100_032));
        // Cut down to the limit while the request still fits...
        assert_eq!(chunk_size(1000, 8192, 10_000, 12_000, 64), Some(2000));
        // ... to the last byte the limit allows...
        assert_eq!(chunk_size(2000, 8192, 10_000, 12_000, 64), Some(2000));
        // ... and refused when it does not.
        assert_eq!(chunk_size(2001, 8192, 10_000, 12_000, 64), None);
        assert_eq!(chunk_size(3000, 8192, 10_000, 12_000, 64), None);
        assert_eq!(chunk_size(1, 0, 12_000, 12_000, 64), None);
        // Never a zero-byte chunk, even for a zero-byte request at the limit.
        assert_eq!(chunk_size(0, 8192, 12_000, 12_000, 64), None);
        // The doubling, the request and the minimum, whichever is largest.
        assert_eq!(chunk_size(8192, 4096, 0, NO_LIMIT, 64), Some(8192));
        assert_eq!(chunk_size(MIN_CHUNK, 0, 0, NO_LIMIT, 64), Some(MIN_CHUNK));
        assert_eq!(chunk_size(1, 2048, 0, NO_LIMIT, 64), Some(MIN_CHUNK));
        assert_eq!(chunk_size(1, 2049, 0, NO_LIMIT, 64), Some(4160));
        // Sizes that cannot exist.
        assert_eq!(chunk_size(usize::MAX, 0, 0, NO_LIMIT, 64), None);
        assert_eq!(chunk_size(10, usize::MAX, 0, NO_LIMIT, 64), None);
        // Whatever the inputs, a chunk covers the request and stays in the limit.
        for request in [0usize, 1, 63, 4096, 70_000] {
            for previous in [0usize, 64, 5000, 1 << 20] {
                for held in [0usize, 100, 1 << 20] {
                    for max in [usize::MAX, 1 << 21, 200_000] {
                        if let Some(size) = chunk_size(request, previous, held, max, 64) {
                            assert!(size > 0);
                            assert!(size >= request);
                            assert!(held + size <= max);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn headroom_is_a_quarter_rounded_to_the_granule() {
        assert_eq!(with_headroom(0, 0, 64), Some(0));
        assert_eq!(with_headroom(1000, 0, 64), Some(1280));
        assert_eq!(with_headroom(1001, 0, 64), Some(1280));
        assert_eq!(with_headroom(1030, 0, 64), Some(1344));
        assert_eq!(with_headroom(1040, 0, 64), Some(1344));
        assert_eq!(with_headroom(usize::MAX, 0, 64), None);
        // The slack comes on top, rounded up too.
        assert_eq!(with_headroom(1000, 4032, 64), Some(1280 + 4032));
        assert_eq!(with_headroom(1000, 1, 64), Some(1344));
        assert_eq!(with_headroom(1000, usize::MAX, 64), None);
    }

    #[test]
    fn cache_line_sizes() {
        assert!(valid_cache_line(1, 4096));
        assert!(valid_cache_line(64, 4096));
        assert!(valid_cache_line(4096, 4096));
        assert!(!valid_cache_line(0, 4096));
        assert!(!valid_cache_line(3, 4096));
        assert!(!valid_cache_line(8192, 4096));
    }

    #[test]
    fn grown_capacity_doubles_and_covers_the_request() {
        for cap in [0usize, 1, 3, 4, 7, 100, usize::MAX / 2, usize::MAX] {
            for extra in [1usize, 2, 5, 1000] {
                let required = cap.saturating_add(extra);
                if required <= cap {
                    continue;
                }
                for min_cap in [1usize, 4, 8] {
                    let new = grown_capacity(cap, required, min_cap);
                    assert!(new >= required, "{cap} {required} {min_cap}");
                    assert!(new >= min_cap);
                    assert!(new >= cap.saturating_mul(2));
                    // Never more than needed: one of the three bounds is hit.
                    assert!(new == required || new == min_cap || new == cap.saturating_mul(2));
                }
            }
        }
        assert_eq!(grown_capacity(0, 1, 4), 4);
        assert_eq!(grown_capacity(4, 5, 4), 8);
        assert_eq!(grown_capacity(4, 20, 4), 20);
        assert_eq!(grown_capacity(usize::MAX - 1, usize::MAX, 1), usize::MAX);
    }

    #[test]
    fn min_non_zero_capacity_follows_the_element_size() {
        assert_eq!(min_non_zero_capacity(1), 8);
        assert_eq!(min_non_zero_capacity(2), 4);
        assert_eq!(min_non_zero_capacity(1024), 4);
        assert_eq!(min_non_zero_capacity(1025), 1);
    }

    #[test]
    fn usable_len_cuts_a_block_short_of_the_top_slack() {
        let top = usize::MAX - TOP_SLACK;
        // Far from the top: the whole block.
        assert_eq!(usable_len(0x1000, 4096), 4096);
        // Ending exactly where the slack begins: still the whole block.
        assert_eq!(usable_len(top - 4096, 4096), 4096);
        // One byte into the slack: that byte is cut.
        assert_eq!(usable_len(top - 10, 11), 10);
        // Reaching into the slack: cut at its start; starting in it: nothing.
        assert_eq!(usable_len(top - 100, 1 << 20), 100);
        assert_eq!(usable_len(top, 50), 0);
        assert_eq!(usable_len(usize::MAX, 1), 0);
        // Whatever is kept ends at or before the slack.
        for addr in [0usize, 1, top - 1000, top - 1, top, top + 1, usize::MAX] {
            for len in [0usize, 1, 999, 1000, 1001, usize::MAX] {
                let kept = usable_len(addr, len);
                assert!(kept <= len);
                assert!(addr
                    .checked_add(kept)
                    .is_some_and(|end| end <= top.max(addr)));
                if addr < top && len < top - addr {
                    assert_eq!(kept, len);
                }
            }
        }
    }
}
