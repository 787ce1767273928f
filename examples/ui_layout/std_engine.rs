//! The same engine on std collections, for comparison: the same declarations
//! (the [`Ui`] trait), the same layout passes, the same cache and sweep rules.
//!
//! It is written the way a careful std user would write it: the per-frame
//! vectors live in the engine and are cleared, not dropped, so their buffers
//! are reused; the maps are made with their capacity up front. Each label is a
//! `String` from `format!`, the ordinary way to hold formatted text; those
//! are what it allocates every frame. (Its maps use std's default hasher,
//! SipHash; the arena's maps use hashbrown's default, foldhash.)

use std::collections::HashMap;
use std::fmt;

use arena_memory::ArenaError;

use crate::engine::{
    child_id, emit_render_commands, layout, measure_text, scroll_limit, text_hash, visible_bounds,
    CachedText, Capacities, Container, Element, Input, RenderCommand, ScrollState, SeenBounds,
    Size, Stats, TextStyle, Ui, STALE_AFTER_FRAMES,
};

/// The engine's state, persistent and per frame, in std collections.
#[derive(Debug)]
pub struct StdEngine {
    capacities: Capacities,
    bounds: HashMap<u32, SeenBounds>,
    text_cache: HashMap<u64, CachedText>,
    scroll: Vec<ScrollState>,
    frame_number: u32,
    stats: Stats,
    input: Input,
    elements: Vec<Element>,
    children: Vec<u32>,
    pending: Vec<u32>,
    open: Vec<u32>,
    labels: Vec<String>,
    commands: Vec<RenderCommand>,
}

/// A laid-out frame of the std engine, borrowed from it.
#[derive(Debug)]
pub struct StdFrame<'e> {
    /// Every element with its computed bounds.
    pub elements: &'e [Element],
    /// The texts that the labels index.
    pub labels: &'e [String],
    /// The render commands, in drawing order.
    pub commands: &'e [RenderCommand],
}

impl StdEngine {
    /// An engine whose maps hold at most the capacities given (pass the arena
    /// maps' actual capacities to make both engines evict alike).
    pub fn new(capacities: Capacities) -> StdEngine {
        let elements = capacities.elements;
        StdEngine {
            capacities,
            bounds: HashMap::with_capacity(capacities.bounds),
            text_cache: HashMap::with_capacity(capacities.texts),
            scroll: Vec::with_capacity(capacities.scroll_containers),
            frame_number: 0,
            stats: Stats::default(),
            input: Input {
                viewport: Size::default(),
                pointer: [0.0; 2],
                scroll_delta: 0.0,
            },
            elements: Vec::with_capacity(elements),
            children: Vec::with_capacity(elements),
            pending: Vec::with_capacity(elements),
            open: Vec::with_capacity(64),
            labels: Vec::with_capacity(elements),
            commands: Vec::with_capacity(elements / 2 + 16),
        }
    }

    /// Starts a frame: clears the per-frame vectors, keeping their buffers.
    pub fn begin_frame(&mut self, input: Input) {
        self.input = input;
        self.elements.clear();
        self.children.clear();
        self.pending.clear();
        self.open.clear();
        self.labels.clear();
        self.commands.clear();
    }

    /// Lays the frame out, produces its render commands and updates the
    /// persistent state.
    pub fn end_frame(&mut self) -> StdFrame<'_> {
        layout(&mut self.elements, &self.children);
        let commands = &mut self.commands;
        let pushed = emit_render_commands(&self.elements, self.input.viewport, |command| {
            commands.push(command);
            Ok(())
        });
        debug_assert!(pushed.is_ok(), "pushing to a Vec cannot fail");
        self.record_bounds();
        self.update_scroll();
        self.frame_number += 1;
        self.stats.frames += 1;
        StdFrame {
            elements: &self.elements,
            labels: &self.labels,
            commands: &self.commands,
        }
    }

    /// The counters so far.
    pub fn stats(&self) -> Stats {
        self.stats
    }

    fn push_element(&mut self, element: Element) -> u32 {
        let index = self.elements.len() as u32;
        if let Some(&parent) = self.open.last() {
            self.pending.push(index);
            self.elements[parent as usize].child_count += 1;
        }
        self.elements.push(element);
        index
    }

    fn measure_cached(&mut self, text: &str, style: &TextStyle) -> Size {
        let now = self.frame_number;
        let key = text_hash(text, style);
        self.stats.text_lookups += 1;
        if let Some(cached) = self.text_cache.get_mut(&key) {
            cached.frame = now;
            self.stats.text_hits += 1;
            return cached.size;
        }
        let size = measure_text(text, style);
        let entry = CachedText { size, frame: now };
        if self.text_cache.len() >= self.capacities.texts {
            self.stats.sweeps += 1;
            let before = self.text_cache.len();
            self.text_cache
                .retain(|_, cached| now - cached.frame <= STALE_AFTER_FRAMES);
            self.stats.text_evicted += (before - self.text_cache.len()) as u64;
        }
        if self.text_cache.len() < self.capacities.texts {
            self.text_cache.insert(key, entry);
        } else {
            self.stats.text_uncached += 1;
        }
        size
    }

    fn record_bounds(&mut self) {
        let now = self.frame_number;
        let (bounds, stats) = (&mut self.bounds, &mut self.stats);
        let capacity = self.capacities.bounds;
        let recorded = visible_bounds(&self.elements, |element, visible| {
            let seen = SeenBounds {
                bounds: element.bounds,
                visible,
                frame: now,
            };
            if let Some(present) = bounds.get_mut(&element.id) {
                *present = seen;
                return Ok(());
            }
            if bounds.len() >= capacity {
                stats.sweeps += 1;
                let before = bounds.len();
                bounds.retain(|_, seen| now - seen.frame <= STALE_AFTER_FRAMES);
                stats.bounds_evicted += (before - bounds.len()) as u64;
            }
            if bounds.len() < capacity {
                bounds.insert(element.id, seen);
            } else {
                stats.bounds_dropped += 1;
            }
            Ok::<(), core::convert::Infallible>(())
        });
        let Ok(()) = recorded;
    }

    fn update_scroll(&mut self) {
        let delta = self.input.scroll_delta;
        for element in self.elements.iter().filter(|element| element.clip) {
            if let Some(state) = self.scroll.iter_mut().find(|state| state.id == element.id) {
                state.max_offset = scroll_limit(element, &self.elements, &self.children);
                state.offset += delta;
                if state.offset > state.max_offset {
                    state.offset = 0.0;
                }
            }
        }
    }

    fn scroll_offset(&mut self, id: u32) -> f32 {
        if let Some(state) = self.scroll.iter().find(|state| state.id == id) {
            return state.offset;
        }
        if self.scroll.len() < self.capacities.scroll_containers {
            self.scroll.push(ScrollState {
                id,
                offset: 0.0,
                max_offset: 0.0,
            });
        }
        0.0
    }
}

impl Ui for StdEngine {
    fn open(&mut self, container: Container) -> Result<(), ArenaError> {
        let scroll_offset = if container.clip {
            self.scroll_offset(container.id)
        } else {
            0.0
        };
        let index = self.push_element(container.to_element(scroll_offset));
        self.open.push(index);
        Ok(())
    }

    fn close(&mut self) -> Result<(), ArenaError> {
        let Some(index) = self.open.pop() else {
            return Ok(());
        };
        let first_child = self.children.len() as u32;
        let end = self.elements.len() as u32;
        let element = &mut self.elements[index as usize];
        let start = self.pending.len() - element.child_count as usize;
        element.first_child = first_child;
        element.end = end;
        self.children.extend_from_slice(&self.pending[start..]);
        self.pending.truncate(start);
        Ok(())
    }

    fn text(&mut self, style: TextStyle, args: fmt::Arguments<'_>) -> Result<(), ArenaError> {
        let label = fmt::format(args);
        let size = self.measure_cached(&label, &style);
        let (parent_id, place) = self.open.last().map_or((0, 0), |&parent| {
            let parent = &self.elements[parent as usize];
            (parent.id, parent.child_count)
        });
        let label_index = self.labels.len() as u32;
        self.labels.push(label);
        let id = child_id(parent_id, place);
        let index = self.push_element(style.to_element(id, label_index, size));
        self.elements[index as usize].end = index + 1;
        Ok(())
    }

    fn hovered(&self, id: u32) -> bool {
        let [x, y] = self.input.pointer;
        self.bounds
            .get(&id)
            .is_some_and(|seen| seen.visible.contains(x, y))
    }
}
